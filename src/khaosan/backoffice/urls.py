from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from khaosan.backoffice.views import auth as security_views
from khaosan.backoffice.views import checks, documents, home, items, logs, offices, publishing, requests, staff
from khaosan.compliance import ita_views
from khaosan.compliance import views as compliance_views
from khaosan.thai import views as thai_views

app_name = "backoffice"

urlpatterns = [
    path("", home.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="backoffice/login.html", redirect_authenticated_user=True),
        name="login",
    ),  # fmt: skip
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("backoffice:login")), name="logout"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="backoffice/password_reset.html",
            email_template_name="backoffice/password_reset_email.txt",
            subject_template_name="backoffice/password_reset_subject.txt",
            success_url=reverse_lazy("backoffice:password-reset-done"),
        ),
        name="password-reset",
    ),  # fmt: skip
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="backoffice/password_reset_done.html"),
        name="password-reset-done",
    ),  # fmt: skip
    path("password/reset/<uidb64>/<token>/", security_views.PasswordSetView.as_view(), name="password-reset-confirm"),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="backoffice/password_reset_complete.html"),
        name="password-reset-complete",
    ),  # fmt: skip
    path("password/change/", security_views.PasswordChangeView.as_view(), name="password-change"),
    path("2fa/verify/", security_views.verify, name="2fa-verify"),
    path("2fa/setup/", security_views.setup, name="2fa-setup"),
    path("2fa/recovery/", security_views.recovery_codes, name="2fa-recovery"),
    path("security/", security_views.security, name="security"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/new/", requests.request_new, name="request-new"),
    path("requests/<int:pk>/", requests.request_detail, name="request"),
    path("requests/<int:pk>/edit/<slug:step>/", requests.request_edit, name="request-edit"),
    path("requests/<int:pk>/review/", requests.request_review, name="request-review"),
    path("requests/<int:pk>/submit/", requests.request_submit, name="request-submit"),
    path("requests/<int:pk>/cancel/", requests.request_cancel, name="request-cancel"),
    path("requests/<int:pk>/decide/", requests.request_decide, name="request-decide"),
    path("requests/<int:pk>/take/", publishing.request_take, name="request-take"),
    path("requests/<int:pk>/publish/", publishing.request_publish, name="request-publish"),
    path("requests/<int:pk>/files/", requests.request_file_add, name="request-files"),
    path("requests/<int:pk>/files/<int:file_id>/", requests.request_file, name="request-file"),
    path("requests/<int:pk>/files/<int:file_id>/delete/", requests.request_file_delete, name="request-file-delete"),
    path("requests/<int:pk>/form.<str:fmt>", documents.request_form_document, name="request-form"),
    path("register/", publishing.register, name="register"),
    path("forms/", documents.forms_bundle, name="forms-bundle"),
    path("ita/", ita_views.ita_backoffice, name="ita"),
    path("ita/<int:fy>/evidence.<str:fmt>", ita_views.ita_pack, name="ita-pack"),
    path("ita/item/<int:pk>/evidence.pdf", ita_views.ita_item_pack, name="ita-item-pack"),
    path("inbox/", home.inbox, name="inbox"),
    path("inbox/<int:pk>/", home.notification_open, name="notification"),
    path("items/", items.item_list, name="items"),
    path("items/<int:pk>/", items.item_detail, name="item"),
    path("items/<int:pk>/withdraw/", items.item_withdraw_now, name="item-withdraw"),
    path("items/<int:pk>/edit/", items.item_edit, name="item-edit"),
    path("items/<int:item_id>/request/<slug:action>/", requests.request_change, name="item-change"),
    path("staff/", staff.staff_list, name="staff"),
    path("staff/new/", staff.staff_edit, name="staff-new"),
    path("staff/<int:pk>/", staff.staff_edit, name="staff-edit"),
    path("staff/<int:pk>/active/", staff.staff_deactivate, name="staff-active"),
    path("staff/<int:pk>/unlock/", staff.staff_unlock, name="staff-unlock"),
    path("staff/<int:pk>/reset-2fa/", staff.staff_reset_second_factor, name="staff-reset-2fa"),
    path("staff/members/", staff.membership_grant, name="membership-grant"),
    path("staff/members/<int:pk>/end/", staff.membership_end, name="membership-end"),
    path("office/", offices.office_choose, name="office-choose"),
    path("offices/", offices.province, name="province"),
    path("delegations/", staff.delegations, name="delegations"),
    path("delegations/<int:pk>/revoke/", staff.delegation_revoke, name="delegation-revoke"),
    path("settings/", staff.office_settings, name="settings"),
    path("thai-date/", thai_views.understand, name="thai-date"),
    path("compliance/", compliance_views.dashboard, name="compliance"),
    path("compliance/history.svg", compliance_views.history_svg, name="compliance-history"),
    path("compliance/<slug:code>/ask/", compliance_views.ask_unit, name="compliance-ask"),
    path("audit/", logs.audit_trail, name="audit"),
    path("audit/check/", logs.audit_check, name="audit-check"),
    path("traffic/", logs.traffic, name="traffic"),
    path("traffic/check/", logs.traffic_check, name="traffic-check"),
    path("checks/", checks.checks_page, name="checks"),
    path("checks/ocr/<str:sha256>/", checks.ocr_copy, name="checks-ocr"),
    path("evaluation/", include("khaosan.eservice.urls")),
    path("reports/", include("khaosan.reports.urls")),
    path("procurement/", include("khaosan.procurement.urls")),
    path("participation/", include("khaosan.participation.urls")),
]
