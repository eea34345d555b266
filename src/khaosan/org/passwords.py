"""Django's password validators, speaking Thai (settings.AUTH_PASSWORD_VALIDATORS names these).

The rules are Django's own; only the words change. Django's Thai catalogue has no translation of these
messages, so the password screens listed the rules in English. Each error says what to do next.
"""

from django.contrib.auth import password_validation as django_rules
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("รหัสผ่านคล้ายกับ%(verbose_name)sของท่านเกินไป โปรดตั้งรหัสผ่านที่ไม่เกี่ยวกับชื่อผู้ใช้ ชื่อ หรืออีเมล")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่คล้ายกับชื่อผู้ใช้ ชื่อ นามสกุล หรืออีเมลของท่าน")


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "รหัสผ่านสั้นเกินไป โปรดตั้งรหัสผ่านที่ยาวอย่างน้อย %(min_length)d ตัวอักษร",
            "รหัสผ่านสั้นเกินไป โปรดตั้งรหัสผ่านที่ยาวอย่างน้อย %(min_length)d ตัวอักษร",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            "รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านนี้มีผู้ใช้กันมากและเดาได้ง่าย โปรดตั้งรหัสผ่านอื่น")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่ใช่รหัสที่ใช้กันทั่วไป")


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านเป็นตัวเลขทั้งหมด โปรดเพิ่มตัวอักษรหรือเครื่องหมาย")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")
