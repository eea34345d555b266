from khaosan.org.roles import Role, acting_roles


def backoffice(request):
    """The back-office menu depends on the person's roles; the inbox badge on their unread messages."""
    if not request.path.startswith("/backoffice/") or not request.user.is_authenticated:
        return {}

    def unread():
        from khaosan.workflow.selectors import unread_count

        return unread_count(request.user)

    roles = acting_roles(request.user)
    from khaosan.catalog.checks import virus_scanner_configured

    def my_offices():
        from khaosan.org.offices import offices_of

        return offices_of(request.user)

    def oversees():
        from khaosan.org.models import Office

        return request.user.office_id and Office.objects.filter(parent_id=request.user.office_id).exists()

    return {
        # The person's own office (the one they chose to work in), not the host's: one deployment may host several
        # offices, and a person of one may reach the back-office under another's host name.
        "office": request.user.office or getattr(request, "office", None),
        "my_offices": my_offices,
        "oversees_offices": oversees,
        "my_roles": roles,
        "role_labels": [Role(r).label for r in sorted(roles)],
        "is_webmaster": Role.WEBMASTER in roles,
        "is_admin": Role.ADMINISTRATOR in roles,
        "is_committee": Role.COMMITTEE in roles,
        "sees_items": bool(roles & {Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER}),
        "unread": unread,
        # Administrators are told on every screen until uploads are virus-scanned (README, Production).
        "virus_scanner_missing": Role.ADMINISTRATOR in roles and not virus_scanner_configured(),
        # Web masters and administrators are told when the daily job has stopped (S-3.2: nobody notices decay).
        "housekeeping_late": _housekeeping_late if roles & {Role.WEBMASTER, Role.ADMINISTRATOR} else None,
    }


def _housekeeping_late():
    from khaosan.compliance.office_checks import housekeeping

    check = housekeeping(None)
    return None if check.ok else check.detail
