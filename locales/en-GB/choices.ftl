# The fixed choices of the records, as shown to people.
# Each id is choice-<list>-<stored name>; the stored names never change, the words may.

## PersonRole
choice-PersonRole-patient_partner = Patient partner
choice-PersonRole-carer = Carer
choice-PersonRole-expert_by_experience = Expert by experience
choice-PersonRole-researcher = Researcher
choice-PersonRole-clinician = Clinician
choice-PersonRole-chair = Chair
choice-PersonRole-coordinator = Coordinator
choice-PersonRole-other = Other

## Approach
choice-Approach-informing = Informing
choice-Approach-consultation = Consultation
choice-Approach-engagement = Engagement
choice-Approach-co_design = Co-design
choice-Approach-co_production = Co-production

## ProjectStatus
choice-ProjectStatus-planned = Planned
choice-ProjectStatus-active = Active
choice-ProjectStatus-paused = Paused
choice-ProjectStatus-finished = Finished

## MeetingKind
choice-MeetingKind-steering_committee = Steering committee
choice-MeetingKind-advisory_group = Advisory group
choice-MeetingKind-co_design_workshop = Co-design workshop
choice-MeetingKind-focus_group = Focus group
choice-MeetingKind-reading_panel = Reading panel
choice-MeetingKind-interview_panel = Interview panel
choice-MeetingKind-training = Training
choice-MeetingKind-other = Other

## CoDesignStage
choice-CoDesignStage-set_up = Set-up
choice-CoDesignStage-staff_experiences = Staff experiences
choice-CoDesignStage-patient_experiences = Patient and carer experiences
choice-CoDesignStage-trigger_film = Trigger film
choice-CoDesignStage-joint_event = Joint event
choice-CoDesignStage-co_design_groups = Co-design groups
choice-CoDesignStage-celebration_review = Celebration and review

## Involvement
choice-Involvement-take_part = I take part
choice-Involvement-run = I run this

## AttendanceStatus
choice-AttendanceStatus-invited = Invited
choice-AttendanceStatus-attended = Attended
choice-AttendanceStatus-apologies = Apologies
choice-AttendanceStatus-did_not_attend = Did not attend
choice-AttendanceStatus-left_early = Left early
choice-AttendanceStatus-joined_online = Joined online

## AccessNeed
choice-AccessNeed-papers_early = Papers 7 days ahead
choice-AccessNeed-large_print = Large print
choice-AccessNeed-bsl_interpreter = BSL interpreter
choice-AccessNeed-step_free = Step-free access
choice-AccessNeed-carer_attends = Carer attends
choice-AccessNeed-quiet_room = Quiet room
choice-AccessNeed-other = Other

## ConsentHow
choice-ConsentHow-written = Written
choice-ConsentHow-verbal = Verbal
choice-ConsentHow-online_form = Online form

## Decision
choice-Decision-added = Added
choice-Decision-kept = Kept to read
choice-Decision-ignored = Ignored

## CheckedHow
choice-CheckedHow-not_checked = Not checked
choice-CheckedHow-in_person = Checked in person
choice-CheckedHow-phone = Checked by phone

## FeedbackStatus
choice-FeedbackStatus-did = We did
choice-FeedbackStatus-will = We will
choice-FeedbackStatus-cannot = We can't

## Emotion
choice-Emotion-happy = Happy
choice-Emotion-okay = Okay
choice-Emotion-worried = Worried
choice-Emotion-sad = Sad
choice-Emotion-angry = Angry

## ActionStatus
choice-ActionStatus-open = Open
choice-ActionStatus-done = Done
choice-ActionStatus-dropped = Dropped

## Activity
choice-Activity-meeting = Meeting
choice-Activity-reviewing = Reading or reviewing
choice-Activity-preparation = Preparation
choice-Activity-co_design = Co-design
choice-Activity-recruitment = Recruitment
choice-Activity-writing = Writing
choice-Activity-presenting = Presenting
choice-Activity-training = Training
choice-Activity-other = Other

## FeeArrangement
choice-FeeArrangement-fee = Fee
choice-FeeArrangement-reduced = Reduced fee
choice-FeeArrangement-declined = Declined
choice-FeeArrangement-charity = Paid to charity
choice-FeeArrangement-voucher = Voucher
choice-FeeArrangement-unpaid = No fee

## ClaimStatus
choice-ClaimStatus-not_claimable = Nothing to claim
choice-ClaimStatus-to_claim = To claim
choice-ClaimStatus-claimed = Claimed
choice-ClaimStatus-paid = Paid

## ExpenseKind
choice-ExpenseKind-mileage = Mileage
choice-ExpenseKind-fares = Fares
choice-ExpenseKind-taxi = Taxi
choice-ExpenseKind-parking = Parking
choice-ExpenseKind-subsistence = Food and drink
choice-ExpenseKind-care = Care or childcare
choice-ExpenseKind-accommodation = Accommodation
choice-ExpenseKind-other = Other

## Template
choice-Template-gibbs = Gibbs' cycle: six steps, from what happened to what you would do next time
choice-Template-rolfe = Rolfe: what? so what? now what?
choice-Template-kolb = Kolb's cycle: what happened, looking back, what you learned, what to try
choice-Template-free = Free text

## Vehicle
choice-Vehicle-car = Car or van
choice-Vehicle-motorcycle = Motorcycle
choice-Vehicle-bicycle = Bicycle

## CsvField
choice-CsvField-date = Date
choice-CsvField-project = Project
choice-CsvField-activity = Activity
choice-CsvField-prep_minutes = Preparation minutes
choice-CsvField-meeting_minutes = Meeting minutes
choice-CsvField-travel_minutes = Travel minutes
choice-CsvField-prep_hours = Preparation hours
choice-CsvField-meeting_hours = Meeting hours
choice-CsvField-travel_hours = Travel hours
choice-CsvField-summary = What I contributed
choice-CsvField-impact_said = What I said
choice-CsvField-impact_changed = What changed
choice-CsvField-impact_evidence = Evidence
choice-CsvField-feedback = Feedback
choice-CsvField-feedback_date = Feedback date
choice-CsvField-fee_arrangement = Fee arrangement
choice-CsvField-fee = Fee
choice-CsvField-claim_submitted_on = Claim submitted
choice-CsvField-paid_on = Paid on
choice-CsvField-expense_kind = Expense kind
choice-CsvField-expense_amount = Expense amount
choice-CsvField-miles = Miles
choice-CsvField-pence_per_mile = Pence per mile
choice-CsvField-expense_note = Expense note
choice-CsvField-tags = Tags

## ImportFormat
choice-ImportFormat-json = Alongside's complete export (JSON)
choice-ImportFormat-csv = A spreadsheet saved as CSV
choice-ImportFormat-xlsx = An Excel workbook
