# The window's words. Ids start with the part of the window they belong to.

## The frame: header, navigation, undo and a screen that fails

nav-main = Main
nav-dashboard = Overview
nav-projects = Projects
nav-meetings = Meetings
nav-people = People
nav-contributions = Contributions
nav-reflections = Reflections
nav-money = Money
nav-search = Search (Ctrl+K)
nav-exports = Summaries
nav-sharing = Sharing
nav-settings = Settings
frame-lock = Lock
frame-leave-title = Leave without saving?
frame-leave-body = What you typed in this form has not been saved yet.
frame-leave-yes = Leave without saving
frame-leave-no = Stay here
frame-deleted = Deleted { $what }.
frame-deleted-with = { $n ->
    [one] Deleted { $what } and 1 record that belonged to it.
   *[other] Deleted { $what } and { $n } records that belonged to it.
}
frame-undo = Undo
frame-dismiss = Dismiss
frame-opening = Opening your records…
frame-failed-title = This screen stopped working
frame-failed-body = Something unexpected went wrong while showing this screen. Your records are safe: nothing was changed. Try again, or go to the overview; if it keeps happening, lock and unlock Alongside.
frame-try-again = Try again
frame-go-overview = Go to the overview

## Settings: language, look, pace and money facts

prefs-language = Language
prefs-language-hint = The window's words, dates and the summaries you make. The Welsh is ready for review by a Welsh speaker.
prefs-colours = Colours
prefs-colours-system = As the computer is set
prefs-colours-light = Light
prefs-colours-dark = Dark
prefs-colours-high-contrast = High contrast (black on white)
prefs-text-size = Text size
prefs-text-normal = Normal
prefs-text-large = Large
prefs-text-larger = Larger
prefs-text-very-large = Very large
prefs-text-double = Twice the normal size
prefs-car = Your mileage rate for a car (pence per mile)
prefs-car-hint = The rate your projects pay you
prefs-car-error = Enter whole pence per mile, like 45.
prefs-threshold = Your weekly earnings limit (£)
prefs-threshold-hint = For example a benefit's permitted-work limit. Weeks over it are flagged, nothing more.
prefs-threshold-now = Now: { $amount }.
prefs-threshold-error = Enter pounds, like 195.00.
prefs-tax-month = Tax year starts (month)
prefs-tax-day = Tax year starts (day)
prefs-period-day = Monthly period starts on day
prefs-period-day-hint = 1 for calendar months; or the day your benefit's monthly assessment period starts (1 to 28). Used by the payments statement.
prefs-period-day-error = Enter a day from 1 to 28.
prefs-pace = Your pace
prefs-pace-hint = For you alone: nothing here is shared or reported.
prefs-hours-limit = Your weekly limit on time (hours)
prefs-hours-limit-hint = Preparation, meetings and travel together. The overview shows this week's time beside it, nothing more. Leave empty for none.
prefs-hours-limit-error = Enter hours from 0.25 to 168, like 6 or 7.5, or leave it empty.
prefs-pause = Pause my involvement
prefs-pause-hint = Reminders wait until the pause ends (except the backup reminder) and the overview says you are paused.
prefs-paused-until-now = Paused until { $date }.
prefs-paused-until = Paused until (the last day)
prefs-paused-until-error = Enter the last day of your pause, like 31/1/2027.
prefs-paused-until-past = Choose today or a day after it.
prefs-wait-weeks = Count a contribution as waiting for feedback after
prefs-wait-weeks-hint = The overview lists contributions with no feedback after this long.
prefs-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
prefs-reminders = Desktop reminders
prefs-reminders-hint = Shown while Alongside is unlocked. They say how many, never what, because the computer keeps notifications outside your encrypted records.
prefs-remind-meetings = A meeting tomorrow
prefs-remind-actions = An action due today
prefs-remind-claims = A claim still unpaid 30 days after it was sent
prefs-remind-feedback = Sessions I run whose "you said, we did" has not gone back in time
prefs-remind-participants = Participants of sessions I run still unpaid after the project's time
prefs-remind-waiting = My contributions still without feedback after the weeks above
prefs-backup-every = Remind me to make a backup
prefs-backup-7 = Every week
prefs-backup-14 = Every two weeks
prefs-backup-30 = Every month
prefs-backup-90 = Every three months
prefs-backup-never = Never
prefs-saved = Saved.
prefs-saved-announce = Preferences saved.
prefs-save = Save preferences
prefs-easy-read = Easy read
prefs-easy-read-hint = Log a contribution one short question at a time, with a picture for each.

## Time, as the window writes it

time-minutes = { $m } min
time-hours = { $h } h
time-hours-minutes = { $h } h { $m } min

## Easy read: logging a contribution one question at a time

easy-step = Question { $n } of { $total }
easy-project = Which project was it for?
easy-date = When was it?
easy-date-label = Date
easy-activity = What did you do?
easy-meeting = How long did the meeting or work take?
easy-minutes = Minutes
easy-minutes-hint = For example, 90 for an hour and a half.
easy-prep = How long did you spend getting ready?
easy-prep-hint = Reading papers, for example. Type 0 if none.
easy-travel = How long did you spend travelling?
easy-travel-hint = There and back. Type 0 if none.
easy-summary = What did you do or say?
easy-summary-hint = A few words are enough. You can leave this empty.
easy-your-words = Your words
easy-changed = Did anything change because of you?
easy-changed-hint = For example, a leaflet was made clearer. You can leave this empty.
easy-check = Check your answers
easy-change = Change
easy-continue = Continue
easy-back = Back
easy-save = Save contribution
easy-none = Nothing written
easy-no-projects = Add a project first (in Projects); every contribution belongs to one.
easy-choose-project = Choose the project.
easy-minutes-error = Type whole minutes, like 60. Type 0 for none.
easy-total = Total time: { $time }

## Contributions

contributions-project = Project
contributions-paid = paid { $date }
contributions-claimed = claimed { $date }
contributions-not-claimed = not claimed yet
contributions-money = { $amount }, { $state }
contributions-delete-title = Delete this contribution?
contributions-delete-body = { $date }: { $what }. You can undo this for ten minutes.
contributions-no-description = no description
contributions-delete-yes = Delete contribution
contributions-deleted-what = the contribution
contributions-saved = Saved: { $time } on { $date }.
contributions-logged = Logged so far
contributions-all-projects = All projects
contributions-money-filter = Money
contributions-any = Any
contributions-empty = Nothing here yet. Contributions you log appear here, newest first.
contributions-what-changed = What changed: { $text }
contributions-change-label = Change the contribution of { $date }
contributions-delete-label = Delete the contribution of { $date }

## Easy read: writing a reflection one question at a time

easy-r-title = What would you like to call it?
easy-r-name = Name
easy-r-title-hint = A few words, like "Steering group in May".
easy-r-title-error = Type a few words to name it.
easy-r-what = What happened?
easy-r-so-what = Why did it matter to you?
easy-r-now-what = What will you do next?
easy-r-empty-hint = You can leave this empty.
easy-r-mood = How did you feel?
easy-r-mood-1 = Very low
easy-r-mood-2 = Low
easy-r-mood-3 = All right
easy-r-mood-4 = Good
easy-r-mood-5 = Very good
easy-r-mood-none = Rather not say
easy-r-share = Who can see it?
easy-r-private = Only me (private)
easy-r-ready = It is ready to share
easy-r-save = Save reflection

## Said on more than one screen

common-changes-saved = Your changes are saved.
common-change = Change
common-delete = Delete

## Reflections

reflections-delete-title = Delete “{ $title }”?
reflections-undo-hint = You can undo this for ten minutes.
reflections-delete-yes = Delete reflection
reflections-deleted-what = the reflection
reflections-saved = Saved “{ $title }”.
reflections-saved-private = Saved “{ $title }” as private.
reflections-earlier = Earlier reflections
reflections-empty = None yet. Reflecting after a meeting helps you see what changed, and what you want next time.
reflections-private = Private
reflections-ready = Ready to share
reflections-change-label = Change “{ $title }”
reflections-delete-label = Delete “{ $title }”
