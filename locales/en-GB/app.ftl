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

## Read aloud (the computer's own speech service reads a screen or a report)

read-aloud = Read aloud
read-aloud-of = Read aloud: { $what }
read-aloud-this-screen = this screen
read-aloud-pause = Pause
read-aloud-resume = Carry on
read-aloud-stop = Stop reading
read-aloud-reading = Reading aloud
read-aloud-paused = Reading paused
read-aloud-no-service = Read aloud needs the computer's speech service. On Linux, install the packages speech-dispatcher and speech-dispatcher-espeak-ng, then try again.
read-aloud-no-voice = This computer has no voice for this language yet. The package speech-dispatcher-espeak-ng adds voices for English and Welsh.
read-aloud-failed = The speech service stopped before it could read this. Try again in a moment.

## The report preview

preview-of = Preview of { $title }
preview-first-rows = The preview shows the first { $shown } of { $total } rows; the file has them all.
preview-stops = The preview stops here; the file has the rest of the report.

## The overview

dash-morning = Good morning
dash-afternoon = Good afternoon
dash-evening = Good evening
dash-lead = Everything here stays on this computer, encrypted.
dash-paused = Your involvement is paused until { $date }. Reminders wait until then. Look after yourself.
dash-resume = Resume now
dash-resumed = Your involvement is no longer paused.
dash-got-it = Got it
dash-start-title = Start with a project
dash-start-body = A project is a study, service or group you are involved in. Add one, then log what you did for it — a meeting, reading papers, a workshop. Alongside adds up your hours and what you are owed.
dash-start-add = Add a project
dash-time = Your time
dash-this-week = This week
dash-of-limit = of your { $limit } limit
dash-over-it = : over it
dash-this-month = This month
dash-over-contributions = { $n ->
    [0] over no contributions
    [one] over 1 contribution
   *[other] over { $n } contributions
}
dash-this-year = This year
dash-of-which = Of which
dash-split = preparation { $prep }, meetings and work { $meeting }, travel { $travel }
dash-by-project = This year by project
dash-log = Log a contribution
dash-money = Money
dash-owed = Owed to you
dash-owed-claims = { $n ->
    [0] in no claims waiting
    [one] in 1 claim waiting
   *[other] in { $n } claims waiting
}
dash-longest = Waiting longest
dash-longest-line = { $amount } for { $project }, claimed { $days ->
    [0] today
    [one] 1 day ago
   *[other] { $days } days ago
}
dash-to-claim = Not yet claimed
dash-to-claim-from = { $n ->
    [0] { $amount } from no contributions
    [one] { $amount } from 1 contribution
   *[other] { $amount } from { $n } contributions
}
dash-paid-tax-year = Paid this tax year
dash-paid-since = { $amount } (since { $date })
dash-see-claims = See claims
dash-coming-up = Coming up
dash-no-meetings = No meetings planned. Plan one from Meetings.
dash-overdue = Actions overdue
dash-nothing-overdue = Nothing overdue.
dash-overdue-count = { $n ->
    [one] 1 action is past its due date.
   *[other] { $n } actions are past their due dates.
}
dash-due = due { $date } ({ $days ->
    [0] today
    [one] 1 day ago
   *[other] { $days } days ago
})
dash-feedback = Waiting for feedback
dash-feedback-count = { $n ->
    [one] 1 contribution has had no feedback yet.
   *[other] { $n } contributions have had no feedback yet.
} When a lead sends you "you said, we did", add it from the Sharing page and it goes with your contribution.
dash-limbo = { $n ->
    [one] 1 has waited
   *[other] { $n } have waited
} over { $weeks } weeks. It is fair to ask the project what became of your input.
dash-limbo-list = Waiting longest
dash-weeks = { $n ->
    [one] 1 week
   *[other] { $n } weeks
}
dash-others = Others' actions overdue
dash-others-count = { $n ->
    [one] On projects you run, 1 action someone else owns is past due.
   *[other] On projects you run, { $n } actions others own are past due.
}
dash-reflection = Reflection
dash-reflect-on = How did “{ $title }” on { $date } go for you? A few lines now help later, and stay private unless you choose otherwise.
dash-reflect-intro = Reflections are private notes on how things went. They stay on this computer unless you share them.
dash-last-reflection = { $days ->
    [0] Your last reflection was today.
    [one] Your last reflection was 1 day ago.
   *[other] Your last reflection was { $days } days ago.
}
dash-write-reflection = Write a reflection
dash-vault = Your locked records
dash-locks-itself = Locks itself
dash-ways = Ways to unlock
dash-way-passphrase = Passphrase
dash-way-recovery = recovery code
dash-way-keyring = this computer's keyring
dash-kept-in = Kept in
dash-last-backup = Last backup
dash-no-backup = None yet
dash-backup-old = It is a while since your last backup. A backup keeps your records safe if this computer is lost or breaks.
dash-backup-never = You have not backed up your records yet. A backup keeps them safe if this computer is lost or breaks.
dash-make-backup = Make a backup
dash-lock-hint = Press Ctrl+L at any time to lock Alongside.
dash-adding-up = Adding up…
autolock-never = never
autolock-after = { $n ->
    [one] after 1 minute without use
   *[other] after { $n } minutes without use
}

## Summaries (the reports screen) and saving a report

sum-title = Summaries
sum-intro = Make a summary to share. Nothing leaves your computer until you save a file, and you see below exactly what it will say.
sum-which = Which summary
sum-records = Which records
sum-from = From
sum-to = To
sum-projects-hint = Tick projects to include only those; leave all unticked for every project.
sum-leave-out = What to leave out
sum-private = Include private reflections (and those not marked ready to share)
sum-names = Show people's names (otherwise each person is shown by their role)
sum-money = Leave out fees, expenses and payments
sum-money-hint = The { $report } is all about money.
sum-language = Language
sum-bilingual = Both languages
sum-bilingual-hint = The summary in the language chosen above, then again in the other, from a new page.
sum-format = File format
sum-format-pdf = PDF (for reading and printing)
sum-format-docx = Word document (to edit)
sum-format-md = Markdown (plain text)
sum-format-html = Web page
sum-format-csv = Spreadsheet (CSV), one row each
sum-format-json = JSON (structured data)
sum-preview = Preview
sum-making-preview = Making the preview…
save-button = Save…
save-reading = Reading your records…
save-rendering = Writing the file…
save-saving = Saving…
save-choose = Choose where to save it…
save-saved = Saved { $path } ({ $size }).
save-cancel = Cancel
save-open = Open it
save-show = Show in folder

## Search

search-title = Search
search-label = Search everything
search-hint = Titles, notes, what you contributed, the impact log, decisions and reflections. Press Ctrl+K to come here.
search-none = Nothing matched “{ $text }”.
search-found = { $n ->
    [one] 1 match for “{ $text }”.
   *[other] { $n } matches for “{ $text }”, best first.
}
search-found-more = { $n } or more matches for “{ $text }”, best first.
search-private = Private

## Starting: opening, welcome, unlocking

app-skip = Skip to main content
app-opening = Opening Alongside…
app-failed-title = Alongside could not start
app-failed-body = { $problem } Nothing in your records has been changed.
app-failed-generic = Something went wrong.
app-failed-next = Close Alongside and open it again. If this keeps happening, your data folder may not be reachable.
welcome-title = Welcome to Alongside
welcome-lead = A private place to keep track of the research and service projects you are part of: the meetings you sit in, the time you give, what you are paid, and what changed because of what you said.
welcome-yours = Yours alone.
welcome-yours-body = Everything stays on this computer, locked with a passphrase only you know.
welcome-nothing = Nothing is shared
welcome-nothing-body = unless you choose to make a summary and save it yourself.
welcome-locks = Locks itself
welcome-locks-body = when you step away or your screen locks.
welcome-set-up = Set up my locked records
welcome-takes = Setting up takes about a minute. You will choose a passphrase and get a recovery code.
welcome-before = Used Alongside before?
welcome-restore = Restore from a backup
welcome-language = Language
unlock-title = Unlock Alongside
unlock-passphrase = Passphrase
unlock-code = Recovery code
unlock-code-hint = 25 letters and numbers, for example 7K2QD-M9XWA-… Spaces and dashes do not matter.
unlock-unlocking = Unlocking…
unlock-button = Unlock
unlock-use-code = Use my recovery code instead
unlock-use-passphrase = Use my passphrase instead
restore-first-title = Bring your records back
restore-first-back = Back
passphrase-show = Show
passphrase-hide = Hide
passphrase-show-what = Show { $what }
passphrase-hide-what = Hide { $what }
passphrase-strength = Strength: { $label }.
create-title = Choose a passphrase
create-intro = Your passphrase locks everything you keep in Alongside. Choose something long that you will remember — a few unrelated words is a good start. Nobody, including us, can recover it for you, but you will get a recovery code next.
create-passphrase = Passphrase
create-passphrase-hint = A few unrelated words: long, but easy to remember.
create-again = Type it again
create-again-what = repeated passphrase
create-different = The two passphrases are different. Type the same passphrase again.
create-keyring = Unlock automatically on this computer
create-keyring-hint = Keeps the key in this computer's own keyring, so Alongside opens without your passphrase when it starts while you are signed in. After it locks, it always asks for your passphrase. Leave this off if other people use your account.
create-locking = Locking your records…
create-button = Lock my records with it
create-back = Back
recovery-title = Save your recovery code
recovery-intro = If you ever forget your passphrase, this code is the only other way into your locked records. It is shown only once. Write it down or keep it in a password manager, away from this computer.
recovery-code-label = Recovery code: { $groups }
recovery-copy = Copy the code
recovery-copied = Copied. Paste it somewhere safe, such as a password manager. Alongside clears it from the clipboard in one minute.
recovery-copy-failed = Copying did not work here. Please write the code down instead.
recovery-saved = I have saved my recovery code somewhere safe
recovery-continue = Continue

## Small pieces shared by several screens

approach-scale = ({ $at } of { $of }: informing to co-production)
received-from = From { $sender }'s file of { $made }, added { $opened }. It stays as they sent it: keep your own notes in your contribution or a reflection.
progress-of = { $what } progress
progress-stop = Stop
share-summary-title = Send a summary of your contributions
share-summary-hint = What you did, the time it took and its impact, for a project lead. Reflections never go in.
share-summary-money = Include the fees and expenses I claimed

## Money

money-title = Money
money-to-claim-tab = To claim
money-claimed-tab = Waiting for payment
money-paid-tab = Paid
money-owed = Owed to you
money-owed-in = { $n ->
    [0] { $amount } in no claims
    [one] { $amount } in 1 claim
   *[other] { $amount } in { $n } claims
}
money-not-claimed = Not yet claimed
money-claimed-tax-year = Claimed this tax year
money-paid-tax-year = Paid this tax year
money-paid-since = { $amount } since { $date }
money-periods = Fees and expenses by period
money-periods-hint = Counted by the date of the work. Facts, not advice.
money-periods-caption = Fees and expenses this week, this monthly period and this tax year
money-period = Period
money-fees = Fees
money-expenses = Expenses
money-this-week = This week
money-this-month = This monthly period
money-this-tax-year = This tax year
money-from-to = ({ $from } to { $to })
money-limit = Your weekly limit: { $amount }.
money-over = This week's fees are over it.
money-within = This week's fees are within it.
money-no-limit = You can set a weekly earnings limit in Settings; weeks over it are then marked here and in the payments statement.
money-which = Which claims
money-nothing = Nothing here.
money-work-on = Work on { $date }
money-claimed-on = · claimed { $date }
money-paid-on = · paid { $date }
money-fee-line = · fee { $fee } ({ $arrangement }), expenses { $expenses }
money-mark-sent = Mark the claim for { $date } as sent today
money-sent-today = Claim sent today
money-mark-paid = Mark the claim for { $date } as paid today
money-paid-today = Paid today
money-first-100 = Showing the first 100. Use Contributions to see them all.
