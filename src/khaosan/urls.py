from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from khaosan.public import feeds
from khaosan.public import views as public_views

urlpatterns = [
    path("healthz", public_views.healthz, name="healthz"),
    path("robots.txt", public_views.robots_txt, name="robots"),
    path("sitemap.xml", public_views.sitemap_index, name="sitemap-xml"),
    path("sitemap-<slug:section>.xml", public_views.sitemap_section, name="sitemap-section"),
    path("files/<int:pk>/w<int:width>.jpg", public_views.rendition, name="rendition"),
    path("files/<int:pk>/<path:name>", public_views.file_download, name="file"),
    path("feeds/news/", feeds.NewsFeed(), name="feed-news"),
    path("feeds/news/atom/", feeds.NewsAtomFeed(), name="feed-news-atom"),
    path("feeds/announcements/", feeds.AnnouncementFeed(), name="feed-announcements"),
    path("feeds/announcements/atom/", feeds.AnnouncementAtomFeed(), name="feed-announcements-atom"),
    # One way in for everyone: the back-office sign-in, with lockout and the second factor. The admin itself
    # is for platform operators only (org/admin_site.py).
    path("admin/login/", public_views.admin_login_redirect),
    path("admin/", admin.site.urls),
    path("backoffice/", include("khaosan.backoffice.urls")),
    path("", include("khaosan.opendata.urls")),
]
# Office emblems and photos (uploaded item files are never here, see /files/). In production nginx serves
# /media/ (README); Django's file view is for development only, and `static()` adds nothing without DEBUG.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
# With the images in a bucket (KHAOSAN_S3_BUCKET) Django streams them: the bucket stays private.
urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:name>", public_views.media_file, name="media")]
urlpatterns += i18n_patterns(path("", include("khaosan.public.urls")), prefix_default_language=False)

handler400 = "khaosan.public.errors.bad_request"
handler403 = "khaosan.public.errors.forbidden"
handler404 = "khaosan.public.errors.not_found"
handler500 = "khaosan.public.errors.server_error"
