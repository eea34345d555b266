from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    """Public participation (GWS 1.5, MOIT 9–11): complaints in two streams, feedback, questions, satisfaction."""

    name = "khaosan.participation"
    label = "participation"
    verbose_name = "การมีส่วนร่วมของประชาชน"
