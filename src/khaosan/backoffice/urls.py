from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from khaosan.backoffice import auth_views as security_views
from khaosan.backoffice import check_views, log_views, manage_views, views
from khaosan.compliance import ita_views
from khaosan.compliance import views as compliance_views
from khaosan.thai import views as thai_views

app_name = "backoffice"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="backoffice/login.html",
                                                redirect_authenticated_user=True), name="login"),  # fmt: skip
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("backoffice:login")), name="logout"),
    path("password/reset/", auth_views.PasswordResetView.as_view(
        template_name="backoffice/password_reset.html", email_template_name="backoffice/password_reset_email.txt",
        subject_template_name="backoffice/password_reset_subject.txt",
        success_url=reverse_lazy("backoffice:password-reset-done")), name="password-reset"),  # fmt: skip
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(
        template_name="backoffice/password_reset_done.html"), name="password-reset-done"),  # fmt: skip
    path("password/reset/<uidb64>/<token>/", security_views.PasswordSetView.as_view(),
         name="password-reset-confirm"),
    path("password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(
        template_name="backoffice/password_reset_complete.html"), name="password-reset-complete"),  # fmt: skip
    path("password/change/", security_views.PasswordChangeView.as_view(), name="password-change"),
    path("2fa/verify/", security_views.verify, name="2fa-verify"),
    path("2fa/setup/", security_views.setup, name="2fa-setup"),
    path("2fa/recovery/", security_views.recovery_codes, name="2fa-recovery"),
    path("security/", security_views.security, name="security"),
    path("requests/", views.request_list, name="requests"),
    path("requests/new/", views.request_new, name="request-new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/edit/<slug:step>/", views.request_edit, name="request-edit"),
    path("requests/<int:pk>/review/", views.request_review, name="request-review"),
    path("requests/<int:pk>/submit/", views.request_submit, name="request-submit"),
    path("requests/<int:pk>/cancel/", views.request_cancel, name="request-cancel"),
    path("requests/<int:pk>/decide/", views.request_decide, name="request-decide"),
    path("requests/<int:pk>/take/", views.request_take, name="request-take"),
    path("requests/<int:pk>/publish/", views.request_publish, name="request-publish"),
    path("requests/<int:pk>/files/", views.request_file_add, name="request-files"),
    path("requests/<int:pk>/files/<int:file_id>/", views.request_file, name="request-file"),
    path("requests/<int:pk>/files/<int:file_id>/delete/", views.request_file_delete, name="request-file-delete"),
    path("requests/<int:pk>/form.<str:fmt>", views.request_form_document, name="request-form"),
    path("register/", views.register, name="register"),
    path("forms/", views.forms_bundle, name="forms-bundle"),
    path("ita/", ita_views.ita_backoffice, name="ita"),
    path("ita/<int:fy>/evidence.<str:fmt>", ita_views.ita_pack, name="ita-pack"),
    path("ita/item/<int:pk>/evidence.pdf", ita_views.ita_item_pack, name="ita-item-pack"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/", views.notification_open, name="notification"),
    path("items/", manage_views.item_list, name="items"),
    path("items/<int:pk>/", manage_views.item_detail, name="item"),
    path("items/<int:pk>/withdraw/", manage_views.item_withdraw_now, name="item-withdraw"),
    path("items/<int:pk>/edit/", manage_views.item_edit, name="item-edit"),
    path("items/<int:item_id>/request/<slug:action>/", views.request_change, name="item-change"),
    path("staff/", manage_views.staff_list, name="staff"),
    path("staff/new/", manage_views.staff_edit, name="staff-new"),
    path("staff/<int:pk>/", manage_views.staff_edit, name="staff-edit"),
    path("staff/<int:pk>/active/", manage_views.staff_deactivate, name="staff-active"),
    path("staff/<int:pk>/unlock/", security_views.staff_unlock, name="staff-unlock"),
    path("staff/<int:pk>/reset-2fa/", security_views.staff_reset_second_factor, name="staff-reset-2fa"),
    path("delegations/", manage_views.delegations, name="delegations"),
    path("delegations/<int:pk>/revoke/", manage_views.delegation_revoke, name="delegation-revoke"),
    path("settings/", manage_views.office_settings, name="settings"),
    path("thai-date/", thai_views.understand, name="thai-date"),
    path("compliance/", compliance_views.dashboard, name="compliance"),
    path("compliance/history.svg", compliance_views.history_svg, name="compliance-history"),
    path("compliance/<slug:code>/ask/", compliance_views.ask_unit, name="compliance-ask"),
    path("audit/", log_views.audit_trail, name="audit"),
    path("audit/check/", log_views.audit_check, name="audit-check"),
    path("traffic/", log_views.traffic, name="traffic"),
    path("traffic/check/", log_views.traffic_check, name="traffic-check"),
    path("checks/", check_views.checks_page, name="checks"),
    path("checks/ocr/<str:sha256>/", check_views.ocr_copy, name="checks-ocr"),
    path("evaluation/", include("khaosan.eservice.urls")),
    path("reports/", include("khaosan.reports.urls")),
    path("procurement/", include("khaosan.procurement.urls")),
    path("participation/", include("khaosan.participation.urls")),
]
