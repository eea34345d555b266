from django.urls import include, path

from khaosan.compliance import ita_views
from khaosan.public import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:code>/", views.category, name="category"),
    path("c/<slug:category_code>/<slug:topic_code>/", views.topic, name="topic"),
    path("item/<int:pk>/", views.item, name="item"),
    path("item/<int:pk>/request-form.pdf", ita_views.item_request_form, name="item-request-form"),
    path("official-information/", views.official_information, name="oic"),
    path("ita/", ita_views.ita_index, name="ita"),
    path("ita/<int:fy>/", ita_views.ita_year, name="ita-year"),
    path("search/", views.search, name="search"),
    path("contact/", views.contact, name="contact"),
    path("sitemap/", views.sitemap_page, name="sitemap"),
    path("policy/website/", views.static_page("website-policy"), name="policy-website"),
    path("policy/privacy/", views.static_page("privacy-policy"), name="policy-privacy"),
    path("policy/security/", views.static_page("security-policy"), name="policy-security"),
    path("accessibility/", views.static_page("accessibility"), name="accessibility"),
    path("e-service/evaluation/", views.static_page("staff-evaluation"), name="eservice-evaluation"),
    path("procurement/", include("khaosan.procurement.public_urls")),
    path("participation/", include("khaosan.participation.public_urls")),
]
