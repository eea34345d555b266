from django.urls import path

from khaosan.opendata import views

app_name = "opendata"
urlpatterns = [
    path("api/3/action/<slug:name>", views.action, name="action"),
    path("api/action/<slug:name>", views.action),  # ckanapi's RemoteCKAN calls the unversioned path
    path("api/3/help/<slug:name>", views.action_help, name="help"),
    path("catalog.jsonld", views.catalog_jsonld, name="jsonld"),
    path("catalog.ttl", views.catalog_turtle, name="turtle"),
    path("data/", views.catalog_page, name="page"),
    path("data/items.<str:fmt>", views.download, name="download"),
]
