"""Back-office screens of the procurement unit, under /backoffice/procurement/."""

from django.urls import path

from khaosan.procurement import views

app_name = "procurement"

urlpatterns = [
    path("", views.months, name="months"),
    path("month/<int:year>/<int:month>/", views.month_edit, name="month"),
    path("plan/<int:fy>/", views.plan, name="plan"),
    path("plan/<int:fy>/quarter/<int:quarter>/", views.quarter_edit, name="quarter"),
]
