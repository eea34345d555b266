"""Response headers every page carries, and the visitor count of public pages."""

from khaosan.public.visits import count_visit, flush_counts_if_due

# No inline script anywhere: scripts and styles come from our own static files only (SEC-6).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Django's admin still uses a few inline style attributes.
ADMIN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
UNCOUNTED_PREFIXES = ("/admin/", "/backoffice/", "/static/", "/media/", "/files/", "/feeds/", "/healthz")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = ADMIN_CONTENT_SECURITY_POLICY if request.path.startswith("/admin/") else CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


class VisitCountMiddleware:
    """Count successful public page views (HTML only; files, feeds and staff screens are not visits)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(UNCOUNTED_PREFIXES)
            and not request.path.startswith("/en/backoffice/")
        ):
            count_visit(request)
        flush_counts_if_due()
        return response
