"""Public addresses of participation, under the public site (Thai by default, /en/… in English)."""

from django.urls import path

from khaosan.participation import public_views

app_name = "participation"

urlpatterns = [
    path("", public_views.home, name="index"),
    path("complaint/<slug:stream>/", public_views.complaint, name="complaint"),
    path("feedback/", public_views.feedback, name="feedback"),
    path("question/", public_views.question, name="question"),
    path("faq/", public_views.faq, name="faq"),
    path("status/", public_views.status, name="status"),
    path("satisfaction/", public_views.satisfaction, name="satisfaction"),
]
