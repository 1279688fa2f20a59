# The reports' words. Dates, times and counts are filled in by Alongside; { $n } picks the
# plural form.

## Every report

report-title-involvement = Involvement summary
report-prepared = Prepared on { $date } with Alongside, from the author's own records.
report-page-of = Page { $page } of { $pages }
report-all-dates = All dates
report-range = { $from } to { $to }
report-from = From { $from }
report-up-to = Up to { $to }
report-all-projects = all projects
report-note-roles = People are shown by their roles, not their names.
report-note-private-included = Private reflections are included, as asked.
report-note-no-money = Fees, expenses and payments are left out.
report-note-voices = Only words people agreed to share are quoted, and people are named only when they agreed.
report-another-project = (another project)
report-someone = Someone
report-bilingual-title = { $first } / { $second }

## Time, as reports write it

time-minutes = { $m } min
time-hours = { $h } h
time-hours-minutes = { $h } h { $mm } min

## Months

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Involvement summary

involvement-at-a-glance = At a glance
involvement-projects = Projects
involvement-projects-count = { $n ->
    [one] { $n } project
   *[other] { $n } projects
}
involvement-contributions = Contributions
involvement-contributions-count = { $n ->
    [one] { $n } contribution
   *[other] { $n } contributions
}
involvement-meetings-attended = Meetings and sessions attended
involvement-meetings-count = { $n ->
    [one] { $n } meeting
   *[other] { $n } meetings
}
involvement-total-time = Total time
involvement-preparing = Preparing
involvement-in-meetings = In meetings or doing the work
involvement-travelling = Travelling
involvement-projects-and-roles = Projects and roles
involvement-projects-table = Projects, with my role and approach
involvement-project = Project
involvement-organisation = Organisation
involvement-my-role = My role
involvement-approach = Approach
involvement-dates = Dates
involvement-time = Time
involvement-dates-from = From { $from }
involvement-dates-until = Until { $to }
involvement-meeting-or-doing = Meeting or doing
involvement-total = Total
involvement-all = All
involvement-time-by-project = Time by project
involvement-time-by-kind = Time by kind of work
involvement-kind-of-work = Kind of work
involvement-time-by-year = Time by calendar year
involvement-year = Year
involvement-impact-log = Impact log: what I said and what changed
involvement-impact-log-for = Impact log for { $title }
involvement-date = Date
involvement-what-i-said = What I said
involvement-what-changed = What changed
involvement-evidence = Evidence or feedback
involvement-impact-more = These are the { $shown } most recent of { $n } entries for this project, going back to { $oldest }. The CSV export of this report lists every contribution.
involvement-no-impact = No impact has been logged for this period yet.

## Titles and notes of every report

report-title-reflection = Reflections
report-title-meeting = Meeting and session records
report-title-payments = Payments and expenses statement
report-title-gripp2 = GRIPP2 short form: public involvement
report-title-standards = UK Standards for Public Involvement: self-assessment
report-title-finance = Payments to participants, for finance
report-title-statement = Payment statement
report-title-claim = Claim pack
report-about-involvement = Projects, roles, hours and what changed because of you: for a CV, an appraisal or an application.
report-about-reflection = Your reflections, ready to share; private ones only if you tick the box.
report-about-meeting = Meetings and co-design sessions: who took part, agenda, decisions, actions and "you said, we did".
report-about-payments = Fees and expenses, claimed and paid, with totals per week, month and tax year. Facts, not advice.
report-about-gripp2 = A first draft of the GRIPP2 short form: the five questions many health journals ask about how patients and the public were involved in a study.
report-about-standards = Evidence from your records under the six UK Standards for Public Involvement.
report-about-finance = For projects you run: what each participant is paid per session (payee, reference, kind, amount, cost code, date), one row per fee or expense. Payees are named.
report-about-statement = One participant's sessions, fees and expenses, paid and still owed. Made from their page.
report-about-claim = A claim for one organisation and period: your details as they ask for them, every fee and expense not yet claimed with mileage worked out, the totals, and your receipts as pages of the PDF.
report-one-session = One session
report-all-sessions = All sessions
report-note-private-left-out = Private reflections are left out.
report-note-payees-named = Payees are named: a payment needs the name of the person paid.
report-table-empty = { $caption }: nothing in this period.
