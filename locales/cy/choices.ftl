# Dewisiadau sefydlog y cofnodion, fel y'u dangosir i bobl.
# Mae pob id yn choice-<rhestr>-<enw storio>; nid yw'r enwau storio byth yn newid, gall y geiriau newid.

## PersonRole
choice-PersonRole-patient_partner = Partner cleifion
choice-PersonRole-carer = Gofalwr
choice-PersonRole-expert_by_experience = Arbenigwr drwy brofiad
choice-PersonRole-researcher = Ymchwilydd
choice-PersonRole-clinician = Clinigwr
choice-PersonRole-chair = Cadeirydd
choice-PersonRole-coordinator = Cydlynydd
choice-PersonRole-other = Arall

## Approach
choice-Approach-informing = Hysbysu
choice-Approach-consultation = Ymgynghori
choice-Approach-engagement = Ymgysylltu
choice-Approach-co_design = Cyd-ddylunio
choice-Approach-co_production = Cyd-gynhyrchu

## ProjectStatus
choice-ProjectStatus-planned = Wedi'i gynllunio
choice-ProjectStatus-active = Ar waith
choice-ProjectStatus-paused = Wedi'i oedi
choice-ProjectStatus-finished = Wedi gorffen

## MeetingKind
choice-MeetingKind-steering_committee = Pwyllgor llywio
choice-MeetingKind-advisory_group = Grŵp cynghori
choice-MeetingKind-co_design_workshop = Gweithdy cyd-ddylunio
choice-MeetingKind-focus_group = Grŵp ffocws
choice-MeetingKind-reading_panel = Panel darllen
choice-MeetingKind-interview_panel = Panel cyfweld
choice-MeetingKind-training = Hyfforddiant
choice-MeetingKind-other = Arall

## CoDesignStage
choice-CoDesignStage-set_up = Paratoi
choice-CoDesignStage-staff_experiences = Profiadau staff
choice-CoDesignStage-patient_experiences = Profiadau cleifion a gofalwyr
choice-CoDesignStage-trigger_film = Ffilm sbarduno
choice-CoDesignStage-joint_event = Digwyddiad ar y cyd
choice-CoDesignStage-co_design_groups = Grwpiau cyd-ddylunio
choice-CoDesignStage-celebration_review = Dathlu ac adolygu

## Involvement
choice-Involvement-take_part = Rwy'n cymryd rhan
choice-Involvement-run = Fi sy'n rhedeg hwn

## AttendanceStatus
choice-AttendanceStatus-invited = Gwahoddwyd
choice-AttendanceStatus-attended = Yn bresennol
choice-AttendanceStatus-apologies = Ymddiheuriadau
choice-AttendanceStatus-did_not_attend = Heb ddod
choice-AttendanceStatus-left_early = Gadael yn gynnar
choice-AttendanceStatus-joined_online = Ymuno ar-lein

## AccessNeed
choice-AccessNeed-papers_early = Papurau 7 diwrnod ymlaen llaw
choice-AccessNeed-large_print = Print bras
choice-AccessNeed-bsl_interpreter = Dehonglydd BSL
choice-AccessNeed-step_free = Mynediad heb risiau
choice-AccessNeed-carer_attends = Gofalwr yn dod
choice-AccessNeed-quiet_room = Ystafell dawel
choice-AccessNeed-other = Arall

## ConsentHow
choice-ConsentHow-written = Ysgrifenedig
choice-ConsentHow-verbal = Ar lafar
choice-ConsentHow-online_form = Ffurflen ar-lein

## Decision
choice-Decision-added = Ychwanegwyd
choice-Decision-kept = Cadwyd i'w ddarllen
choice-Decision-ignored = Anwybyddwyd

## CheckedHow
choice-CheckedHow-not_checked = Heb ei wirio
choice-CheckedHow-in_person = Gwiriwyd wyneb yn wyneb
choice-CheckedHow-phone = Gwiriwyd dros y ffôn

## FeedbackStatus
choice-FeedbackStatus-did = Fe wnaethon ni
choice-FeedbackStatus-will = Fe fyddwn ni
choice-FeedbackStatus-cannot = Allwn ni ddim

## Emotion
choice-Emotion-happy = Hapus
choice-Emotion-okay = Iawn
choice-Emotion-worried = Poeni
choice-Emotion-sad = Trist
choice-Emotion-angry = Dig

## ActionStatus
choice-ActionStatus-open = Ar agor
choice-ActionStatus-done = Wedi'i wneud
choice-ActionStatus-dropped = Wedi'i ollwng

## Activity
choice-Activity-meeting = Cyfarfod
choice-Activity-reviewing = Darllen neu adolygu
choice-Activity-preparation = Paratoi
choice-Activity-co_design = Cyd-ddylunio
choice-Activity-recruitment = Recriwtio
choice-Activity-writing = Ysgrifennu
choice-Activity-presenting = Cyflwyno
choice-Activity-training = Hyfforddiant
choice-Activity-other = Arall

## FeeArrangement
choice-FeeArrangement-fee = Ffi
choice-FeeArrangement-reduced = Ffi is
choice-FeeArrangement-declined = Wedi gwrthod
choice-FeeArrangement-charity = Talwyd i elusen
choice-FeeArrangement-voucher = Taleb
choice-FeeArrangement-unpaid = Dim ffi

## ClaimStatus
choice-ClaimStatus-not_claimable = Dim i'w hawlio
choice-ClaimStatus-to_claim = I'w hawlio
choice-ClaimStatus-claimed = Hawliwyd
choice-ClaimStatus-paid = Talwyd

## ExpenseKind
choice-ExpenseKind-mileage = Milltiroedd
choice-ExpenseKind-fares = Tocynnau teithio
choice-ExpenseKind-taxi = Tacsi
choice-ExpenseKind-parking = Parcio
choice-ExpenseKind-subsistence = Bwyd a diod
choice-ExpenseKind-care = Gofal neu ofal plant
choice-ExpenseKind-accommodation = Llety
choice-ExpenseKind-other = Arall

## Template
choice-Template-gibbs = Cylch Gibbs: chwe cham, o beth ddigwyddodd i beth fyddech chi'n ei wneud y tro nesaf
choice-Template-rolfe = Rolfe: beth? felly beth? beth nawr?
choice-Template-kolb = Cylch Kolb: beth ddigwyddodd, edrych yn ôl, beth ddysgoch chi, beth i roi cynnig arno
choice-Template-free = Testun rhydd

## Vehicle
choice-Vehicle-car = Car neu fan
choice-Vehicle-motorcycle = Beic modur
choice-Vehicle-bicycle = Beic

## CsvField
choice-CsvField-date = Dyddiad
choice-CsvField-project = Prosiect
choice-CsvField-activity = Gweithgaredd
choice-CsvField-prep_minutes = Munudau paratoi
choice-CsvField-meeting_minutes = Munudau cyfarfod
choice-CsvField-travel_minutes = Munudau teithio
choice-CsvField-prep_hours = Oriau paratoi
choice-CsvField-meeting_hours = Oriau cyfarfod
choice-CsvField-travel_hours = Oriau teithio
choice-CsvField-summary = Beth gyfrannais i
choice-CsvField-impact_said = Beth ddywedais i
choice-CsvField-impact_changed = Beth newidiodd
choice-CsvField-impact_evidence = Tystiolaeth
choice-CsvField-feedback = Adborth
choice-CsvField-feedback_date = Dyddiad adborth
choice-CsvField-fee_arrangement = Trefniant ffi
choice-CsvField-fee = Ffi
choice-CsvField-claim_submitted_on = Hawliad wedi'i gyflwyno
choice-CsvField-paid_on = Talwyd ar
choice-CsvField-expense_kind = Math o gost
choice-CsvField-expense_amount = Swm y gost
choice-CsvField-miles = Milltiroedd
choice-CsvField-pence_per_mile = Ceiniogau y filltir
choice-CsvField-expense_note = Nodyn am y gost
choice-CsvField-tags = Tagiau

## ImportFormat
choice-ImportFormat-json = Allforyn cyflawn Alongside (JSON)
choice-ImportFormat-csv = Taenlen wedi'i chadw fel CSV
choice-ImportFormat-xlsx = Llyfr gwaith Excel
