"""/backoffice/evaluation/: the staff performance evaluation system (S-1.9)."""

from django.urls import path

from khaosan.eservice import views

app_name = "eservice"

urlpatterns = [
    path("", views.home, name="home"),
    path("a/<int:pk>/", views.appraisal_detail, name="appraisal"),
    path("a/<int:pk>/agreement/", views.agreement_edit, name="agreement"),
    path("a/<int:pk>/agreement/copy/", views.agreement_copy, name="agreement-copy"),
    path("a/<int:pk>/agreement/submit/", views.agreement_submit, name="agreement-submit"),
    path("a/<int:pk>/agreement/decide/", views.agreement_decide, name="agreement-decide"),
    path("a/<int:pk>/self/", views.self_assessment, name="self"),
    path("a/<int:pk>/evidence/", views.evidence_add, name="evidence-add"),
    path("a/<int:pk>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path("a/<int:pk>/evidence/<int:evidence_id>/delete/", views.evidence_remove, name="evidence-remove"),
    path("a/<int:pk>/assess/", views.assessment, name="assess"),
    path("a/<int:pk>/review/", views.review, name="review"),
    path("a/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("a/<int:pk>/refusal/", views.refusal, name="refusal"),
    path("a/<int:pk>/form.<str:fmt>", views.appraisal_document, name="form"),
    path("rounds/", views.round_list, name="rounds"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/summary.<str:fmt>", views.round_summary_document, name="round-summary"),
    path("rounds/<int:pk>/dates/", views.round_dates, name="round-dates"),
    path("rounds/<int:pk>/close/", views.round_close, name="round-close"),
    path("rounds/<int:pk>/add-missing/", views.round_add_missing, name="round-add-missing"),
    path("rounds/<int:pk>/announce/", views.round_announce, name="round-announce"),
    path("settings/", views.settings_page, name="settings"),
    path("people/", views.people, name="people"),
    path("people/<int:staff_id>/", views.person_edit, name="person"),
    path("unit-heads/", views.unit_heads, name="unit-heads"),
]
