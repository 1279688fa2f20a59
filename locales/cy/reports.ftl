# Geiriau'r adroddiadau. Mae Alongside yn llenwi'r dyddiadau, yr amseroedd a'r cyfrifon; mae
# { $n } yn dewis y ffurf luosog.

## Pob adroddiad

report-title-involvement = Crynodeb cyfranogiad
report-prepared = Paratowyd ar { $date } gydag Alongside, o gofnodion yr awdur ei hun.
report-page-of = Tudalen { $page } o { $pages }
report-all-dates = Pob dyddiad
report-range = { $from } i { $to }
report-from = O { $from }
report-up-to = Hyd at { $to }
report-all-projects = pob prosiect
report-note-roles = Dangosir pobl yn ôl eu rolau, nid eu henwau.
report-note-private-included = Mae myfyrdodau preifat wedi'u cynnwys, fel y gofynnwyd.
report-note-no-money = Mae ffioedd, treuliau a thaliadau wedi'u gadael allan.
report-note-voices = Dim ond geiriau y cytunodd pobl i'w rhannu a ddyfynnir, ac enwir pobl dim ond pan wnaethant gytuno.
report-another-project = (prosiect arall)
report-someone = Rhywun
report-bilingual-title = { $first } / { $second }

## Amser, fel y mae adroddiadau'n ei ysgrifennu

time-minutes = { $m } mun
time-hours = { $h } awr
time-hours-minutes = { $h } awr { $mm } mun

## Misoedd

month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
month-short-1 = Ion
month-short-2 = Chwef
month-short-3 = Maw
month-short-4 = Ebr
month-short-5 = Mai
month-short-6 = Meh
month-short-7 = Gorff
month-short-8 = Awst
month-short-9 = Medi
month-short-10 = Hyd
month-short-11 = Tach
month-short-12 = Rhag

## Crynodeb cyfranogiad

involvement-at-a-glance = Golwg gyflym
involvement-projects = Prosiectau
involvement-projects-count = { $n ->
    [zero] dim prosiectau
    [one] { $n } prosiect
    [two] { $n } brosiect
   *[other] { $n } prosiect
}
involvement-contributions = Cyfraniadau
involvement-contributions-count = { $n ->
    [zero] dim cyfraniadau
    [one] { $n } cyfraniad
    [two] { $n } gyfraniad
   *[other] { $n } cyfraniad
}
involvement-meetings-attended = Cyfarfodydd a sesiynau a fynychwyd
involvement-meetings-count = { $n ->
    [zero] dim cyfarfodydd
    [one] { $n } cyfarfod
    [two] { $n } gyfarfod
   *[other] { $n } cyfarfod
}
involvement-total-time = Cyfanswm yr amser
involvement-preparing = Paratoi
involvement-in-meetings = Mewn cyfarfodydd neu'n gwneud y gwaith
involvement-travelling = Teithio
involvement-projects-and-roles = Prosiectau a rolau
involvement-projects-table = Prosiectau, gyda fy rôl a'r dull
involvement-project = Prosiect
involvement-organisation = Sefydliad
involvement-my-role = Fy rôl
involvement-approach = Dull
involvement-dates = Dyddiadau
involvement-time = Amser
involvement-dates-from = O { $from }
involvement-dates-until = Hyd at { $to }
involvement-meeting-or-doing = Cyfarfod neu wneud
involvement-total = Cyfanswm
involvement-all = Y cyfan
involvement-time-by-project = Amser fesul prosiect
involvement-time-by-kind = Amser fesul math o waith
involvement-kind-of-work = Math o waith
involvement-time-by-year = Amser fesul blwyddyn galendr
involvement-year = Blwyddyn
involvement-impact-log = Cofnod effaith: beth ddywedais i a beth newidiodd
involvement-impact-log-for = Cofnod effaith ar gyfer { $title }
involvement-date = Dyddiad
involvement-what-i-said = Beth ddywedais i
involvement-what-changed = Beth newidiodd
involvement-evidence = Tystiolaeth neu adborth
involvement-impact-more = Dyma'r { $shown } mwyaf diweddar o { $n } cofnod ar gyfer y prosiect hwn, yn mynd yn ôl i { $oldest }. Mae allforyn CSV yr adroddiad hwn yn rhestru pob cyfraniad.
involvement-no-impact = Nid oes unrhyw effaith wedi'i chofnodi ar gyfer y cyfnod hwn eto.

## Teitlau a nodiadau pob adroddiad

report-title-reflection = Myfyrdodau
report-title-meeting = Cofnodion cyfarfodydd a sesiynau
report-title-payments = Datganiad taliadau a threuliau
report-title-gripp2 = Ffurflen fer GRIPP2: cynnwys y cyhoedd
report-title-standards = Safonau'r DU ar gyfer Cynnwys y Cyhoedd: hunanasesiad
report-title-finance = Taliadau i gyfranogwyr, ar gyfer cyllid
report-title-statement = Datganiad talu
report-title-claim = Pecyn hawlio
report-about-involvement = Prosiectau, rolau, oriau a beth newidiodd oherwydd chi: ar gyfer CV, arfarniad neu gais.
report-about-reflection = Eich myfyrdodau sy'n barod i'w rhannu; rhai preifat dim ond os ydych chi'n ticio'r blwch.
report-about-meeting = Cyfarfodydd a sesiynau cyd-ddylunio: pwy gymerodd ran, agenda, penderfyniadau, camau gweithredu a "dywedoch chi, gwnaethon ni".
report-about-payments = Ffioedd a threuliau, wedi'u hawlio a'u talu, gyda chyfansymiau fesul wythnos, mis a blwyddyn dreth. Ffeithiau, nid cyngor.
report-about-gripp2 = Drafft cyntaf o ffurflen fer GRIPP2: y pum cwestiwn y mae llawer o gyfnodolion iechyd yn eu gofyn am sut y cymerodd cleifion a'r cyhoedd ran mewn astudiaeth.
report-about-standards = Tystiolaeth o'ch cofnodion o dan chwe Safon y DU ar gyfer Cynnwys y Cyhoedd.
report-about-finance = Ar gyfer prosiectau rydych chi'n eu rhedeg: beth sy'n cael ei dalu i bob cyfranogwr fesul sesiwn (talai, cyfeirnod, math, swm, cod cost, dyddiad), un rhes i bob ffi neu draul. Enwir y talai.
report-about-statement = Sesiynau, ffioedd a threuliau un cyfranogwr, wedi'u talu a'r hyn sy'n dal yn ddyledus. Wedi'i wneud o'u tudalen.
report-about-claim = Hawliad ar gyfer un sefydliad a chyfnod: eich manylion fel maen nhw'n gofyn amdanyn nhw, pob ffi a thraul heb ei hawlio eto gyda'r filltiroedd wedi'u cyfrifo, y cyfansymiau, a'ch derbynebau fel tudalennau'r PDF.
report-one-session = Un sesiwn
report-all-sessions = Pob sesiwn
report-note-private-left-out = Mae myfyrdodau preifat wedi'u gadael allan.
report-note-payees-named = Enwir y rhai a delir: mae taliad angen enw'r person a delir.
report-table-empty = { $caption }: dim byd yn y cyfnod hwn.
