"""The back-office screens, one module per task (backoffice/urls.py names them).

home        my tasks and the inbox
requests    a request's steps, its files, submitting, deciding
publishing  taking an approved request, publishing it, registering a letter's request
documents   the request form (PDF, Word) and a fiscal year's bundle
items       published items: history, direct replacement or withdrawal where the office allows it
staff       the administrator's screens: staff and roles, delegations, office settings, unlock, reset
auth        signing in with a second factor, passwords
logs        the audit trail and the traffic log
checks      link and file checks

Views validate a form, call one service or selector, and render or redirect; who may open a screen is
checked by backoffice/decorators.py, what a person may do by the service; a refusal is shown by
backoffice/errors.py. Every object is found through a scoped selector, so an id guessed from another
office or unit answers 404.
"""
