"""./khaosan manage compliance status [--json] [--office SLUG] — every topic's state and the score.

For monitoring: exits with status 1 when a required topic is missing, expired or overdue (stale), so a
timer or a monitoring system can raise an alarm; 0 otherwise.
"""

import json as json_module

from django.core.management.base import BaseCommand, CommandError

from khaosan.compliance.models import TopicState
from khaosan.compliance.states import completeness, topic_statuses
from khaosan.org.models import Office

FAILING = {TopicState.MISSING, TopicState.EXPIRED, TopicState.STALE}


def _json(office, statuses, score):
    return {
        "office": office.slug,
        "score": score.score,
        "counts": score.counts,
        "topics": [
            {
                "code": s.topic.code,
                "category": s.topic.category.code,
                "name": s.topic.name_th,
                "required": s.topic.required,
                "state": s.state,
                "due_on": s.due_on.isoformat() if s.due_on else None,
                "latest_item": s.latest.pk if s.latest else None,
                "responsible": [u.code for u in s.units] or s.topic.responsible,
            }
            for s in statuses
        ],
    }


class Command(BaseCommand):
    help = "Report every topic's state against the standard and the completeness score."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        status = sub.add_parser("status", help="every topic's state and the score; exit 1 when a required topic fails")
        status.add_argument("--json", action="store_true", help="machine-readable output")
        status.add_argument("--office", help="office slug (default: every office)")

    def handle(self, *args, action, office=None, json=False, **options):
        offices = Office.objects.filter(slug=office) if office else Office.objects.order_by("pk")
        if office and not offices.exists():
            raise CommandError(f"no office with slug {office!r}")
        reports, failing = [], 0
        for each in offices:
            statuses = topic_statuses(each)
            score = completeness(statuses)
            failing += sum(1 for s in statuses if s.topic.required and s.state in FAILING)
            reports.append((each, statuses, score))
        if json:
            payload = [_json(*report) for report in reports]
            self.stdout.write(json_module.dumps(payload if not office else payload[0], ensure_ascii=False, indent=1))
        else:
            for each, statuses, score in reports:
                self.stdout.write(f"{each.slug}: score {score.score:.1f}% "
                                  + ", ".join(f"{k} {v}" for k, v in score.counts.items()))  # fmt: skip
                for s in statuses:
                    due = f" due {s.due_on.isoformat()}" if s.due_on else ""
                    mark = "*" if s.topic.required else " "
                    self.stdout.write(f"  {mark} {s.state:<8} {s.topic.code}{due}")
        if failing:
            raise CommandError(f"{failing} required topic(s) missing, expired or overdue", returncode=1)
