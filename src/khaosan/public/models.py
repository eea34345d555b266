"""Visitor counts without cookies (GWS-7.7, PDPA-3): a daily-salted digest, never the address itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisits(models.Model):
    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("วันที่"))
    visitors = models.PositiveIntegerField(_("ผู้เข้าชม"), default=0)
    page_views = models.PositiveIntegerField(_("การเปิดหน้า"), default=0)

    class Meta:
        verbose_name = _("สถิติผู้เข้าชมรายวัน")
        verbose_name_plural = _("สถิติผู้เข้าชมรายวัน")
        constraints = [models.UniqueConstraint(fields=["office", "date"], name="one_visit_row_a_day")]
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date}: {self.visitors}/{self.page_views}"


class VisitorSeen(models.Model):
    """Today's visitor digests, so a visitor counts once a day. Older rows are removed each new day."""

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    digest = models.CharField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "date", "digest"], name="visitor_once_a_day")]

    def __str__(self):
        return f"{self.date}: {self.digest[:8]}"


class PageStamp(models.Model):
    """A number that grows with every change a public page may show (public/pagecache.py).

    One row for the deployment: every worker reads it before serving a cached page, so a change made
    through any worker, command or the admin reaches every worker's cache at once.
    """

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("รุ่นของหน้าเว็บสาธารณะ")
        verbose_name_plural = _("รุ่นของหน้าเว็บสาธารณะ")

    def __str__(self):
        return str(self.version)
