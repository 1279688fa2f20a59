# Geiriau'r ffenestr. Mae pob id yn dechrau gyda'r rhan o'r ffenestr y mae'n perthyn iddi.

## Y ffrâm: pennyn, llywio, dadwneud a sgrin sy'n methu

nav-main = Prif
nav-dashboard = Trosolwg
nav-projects = Prosiectau
nav-meetings = Cyfarfodydd
nav-people = Pobl
nav-contributions = Cyfraniadau
nav-reflections = Myfyrdodau
nav-money = Arian
nav-search = Chwilio (Ctrl+K)
nav-exports = Crynodebau
nav-sharing = Rhannu
nav-settings = Gosodiadau
frame-lock = Cloi
frame-leave-title = Gadael heb gadw?
frame-leave-body = Nid yw'r hyn a deipiwyd gennych yn y ffurflen hon wedi'i gadw eto.
frame-leave-yes = Gadael heb gadw
frame-leave-no = Aros yma
frame-deleted = Dilëwyd { $what }.
frame-deleted-with = { $n ->
    [zero] Dilëwyd { $what }.
    [one] Dilëwyd { $what } ac 1 cofnod a oedd yn perthyn iddo.
    [two] Dilëwyd { $what } a 2 gofnod a oedd yn perthyn iddo.
   *[other] Dilëwyd { $what } a { $n } cofnod a oedd yn perthyn iddo.
}
frame-undo = Dadwneud
frame-dismiss = Cau
frame-opening = Yn agor eich cofnodion…
frame-failed-title = Stopiodd y sgrin hon weithio
frame-failed-body = Aeth rhywbeth annisgwyl o'i le wrth ddangos y sgrin hon. Mae eich cofnodion yn ddiogel: ni newidiwyd dim. Rhowch gynnig arall arni, neu ewch i'r trosolwg; os yw'n dal i ddigwydd, cloi a datgloi Alongside.
frame-try-again = Rhoi cynnig arall arni
frame-go-overview = Mynd i'r trosolwg

## Gosodiadau: iaith, golwg, cyflymder a ffeithiau arian

prefs-language = Iaith
prefs-language-hint = Geiriau'r ffenestr, dyddiadau a'r crynodebau a wnewch. Mae'r Gymraeg yn barod i siaradwr Cymraeg ei hadolygu.
prefs-colours = Lliwiau
prefs-colours-system = Fel y mae'r cyfrifiadur wedi'i osod
prefs-colours-light = Golau
prefs-colours-dark = Tywyll
prefs-colours-high-contrast = Cyferbyniad uchel (du ar wyn)
prefs-text-size = Maint y testun
prefs-text-normal = Arferol
prefs-text-large = Mawr
prefs-text-larger = Mwy
prefs-text-very-large = Mawr iawn
prefs-text-double = Dwywaith y maint arferol
prefs-car = Eich cyfradd milltiroedd ar gyfer car (ceiniogau y filltir)
prefs-car-hint = Y gyfradd y mae eich prosiectau'n ei thalu i chi
prefs-car-error = Rhowch geiniogau cyfan y filltir, fel 45.
prefs-threshold = Eich terfyn enillion wythnosol (£)
prefs-threshold-hint = Er enghraifft terfyn gwaith a ganiateir budd-dal. Caiff wythnosau drosto eu nodi, dim mwy.
prefs-threshold-now = Nawr: { $amount }.
prefs-threshold-error = Rhowch bunnoedd, fel 195.00.
prefs-tax-month = Mae'r flwyddyn dreth yn dechrau (mis)
prefs-tax-day = Mae'r flwyddyn dreth yn dechrau (diwrnod)
prefs-period-day = Mae'r cyfnod misol yn dechrau ar ddiwrnod
prefs-period-day-hint = 1 ar gyfer misoedd calendr; neu'r diwrnod y mae cyfnod asesu misol eich budd-dal yn dechrau (1 i 28). Fe'i defnyddir gan y datganiad taliadau.
prefs-period-day-error = Rhowch ddiwrnod o 1 i 28.
prefs-pace = Eich cyflymder
prefs-pace-hint = I chi yn unig: nid oes dim yma'n cael ei rannu na'i adrodd.
prefs-hours-limit = Eich terfyn wythnosol ar amser (oriau)
prefs-hours-limit-hint = Paratoi, cyfarfodydd a theithio gyda'i gilydd. Mae'r trosolwg yn dangos amser yr wythnos hon wrth ei ochr, dim mwy. Gadewch yn wag am ddim terfyn.
prefs-hours-limit-error = Rhowch oriau o 0.25 i 168, fel 6 neu 7.5, neu gadewch yn wag.
prefs-pause = Oedi fy nghyfranogiad
prefs-pause-hint = Mae nodiadau atgoffa'n aros tan i'r oedi ddod i ben (ac eithrio'r nodyn atgoffa copi wrth gefn) ac mae'r trosolwg yn dweud eich bod wedi oedi.
prefs-paused-until-now = Wedi oedi tan { $date }.
prefs-paused-until = Wedi oedi tan (y diwrnod olaf)
prefs-paused-until-error = Rhowch ddiwrnod olaf eich oedi, fel 31/1/2027.
prefs-paused-until-past = Dewiswch heddiw neu ddiwrnod ar ei ôl.
prefs-wait-weeks = Cyfrif cyfraniad fel un sy'n aros am adborth ar ôl
prefs-wait-weeks-hint = Mae'r trosolwg yn rhestru cyfraniadau heb adborth ar ôl cyhyd â hyn.
prefs-weeks = { $n ->
    [zero] { $n } wythnos
    [one] { $n } wythnos
    [two] { $n } wythnos
   *[other] { $n } wythnos
}
prefs-reminders = Nodiadau atgoffa ar y bwrdd gwaith
prefs-reminders-hint = Fe'u dangosir tra bo Alongside wedi'i ddatgloi. Maen nhw'n dweud faint, byth beth, oherwydd mae'r cyfrifiadur yn cadw hysbysiadau y tu allan i'ch cofnodion wedi'u hamgryptio.
prefs-remind-meetings = Cyfarfod yfory
prefs-remind-actions = Cam gweithredu sy'n ddyledus heddiw
prefs-remind-claims = Hawliad heb ei dalu 30 diwrnod ar ôl ei anfon
prefs-remind-feedback = Sesiynau rwy'n eu rhedeg lle nad yw "dywedoch chi, gwnaethon ni" wedi mynd yn ôl mewn pryd
prefs-remind-participants = Cyfranogwyr mewn sesiynau rwy'n eu rhedeg sy'n dal heb eu talu ar ôl amser y prosiect
prefs-remind-waiting = Fy nghyfraniadau sy'n dal heb adborth ar ôl yr wythnosau uchod
prefs-backup-every = Atgoffa fi i wneud copi wrth gefn
prefs-backup-7 = Bob wythnos
prefs-backup-14 = Bob pythefnos
prefs-backup-30 = Bob mis
prefs-backup-90 = Bob tri mis
prefs-backup-never = Byth
prefs-saved = Wedi'i gadw.
prefs-saved-announce = Dewisiadau wedi'u cadw.
prefs-save = Cadw'r dewisiadau
prefs-easy-read = Hawdd ei ddarllen
prefs-easy-read-hint = Cofnodi cyfraniad un cwestiwn byr ar y tro, gyda llun ar gyfer pob un.

## Amser, fel y mae'r ffenestr yn ei ysgrifennu

time-minutes = { $m } mun
time-hours = { $h } awr
time-hours-minutes = { $h } awr { $m } mun

## Hawdd ei ddarllen: cofnodi cyfraniad un cwestiwn ar y tro

easy-step = Cwestiwn { $n } o { $total }
easy-project = Ar gyfer pa brosiect oedd e?
easy-date = Pryd oedd e?
easy-date-label = Dyddiad
easy-activity = Beth wnaethoch chi?
easy-meeting = Faint o amser gymerodd y cyfarfod neu'r gwaith?
easy-minutes = Munudau
easy-minutes-hint = Er enghraifft, 90 am awr a hanner.
easy-prep = Faint o amser wnaethoch chi ei dreulio'n paratoi?
easy-prep-hint = Darllen papurau, er enghraifft. Teipiwch 0 os dim.
easy-travel = Faint o amser wnaethoch chi ei dreulio'n teithio?
easy-travel-hint = Yno ac yn ôl. Teipiwch 0 os dim.
easy-summary = Beth wnaethoch chi neu ei ddweud?
easy-summary-hint = Mae ychydig eiriau'n ddigon. Gallwch adael hwn yn wag.
easy-your-words = Eich geiriau
easy-changed = Wnaeth rhywbeth newid oherwydd chi?
easy-changed-hint = Er enghraifft, cafodd taflen ei gwneud yn gliriach. Gallwch adael hwn yn wag.
easy-check = Gwiriwch eich atebion
easy-change = Newid
easy-continue = Parhau
easy-back = Yn ôl
easy-save = Cadw'r cyfraniad
easy-none = Dim wedi'i ysgrifennu
easy-no-projects = Ychwanegwch brosiect yn gyntaf (yn Prosiectau); mae pob cyfraniad yn perthyn i un.
easy-choose-project = Dewiswch y prosiect.
easy-minutes-error = Teipiwch funudau cyfan, fel 60. Teipiwch 0 os dim.
easy-total = Cyfanswm yr amser: { $time }

## Cyfraniadau

contributions-project = Prosiect
contributions-paid = talwyd { $date }
contributions-claimed = hawliwyd { $date }
contributions-not-claimed = heb ei hawlio eto
contributions-money = { $amount }, { $state }
contributions-delete-title = Dileu'r cyfraniad hwn?
contributions-delete-body = { $date }: { $what }. Gallwch ddadwneud hyn am ddeng munud.
contributions-no-description = dim disgrifiad
contributions-delete-yes = Dileu'r cyfraniad
contributions-deleted-what = y cyfraniad
contributions-saved = Wedi'i gadw: { $time } ar { $date }.
contributions-logged = Wedi'u cofnodi hyd yma
contributions-all-projects = Pob prosiect
contributions-money-filter = Arian
contributions-any = Unrhyw un
contributions-empty = Dim byd yma eto. Mae'r cyfraniadau a gofnodwch yn ymddangos yma, y mwyaf diweddar yn gyntaf.
contributions-what-changed = Beth newidiodd: { $text }
contributions-change-label = Newid cyfraniad { $date }
contributions-delete-label = Dileu cyfraniad { $date }

## Hawdd ei ddarllen: ysgrifennu myfyrdod un cwestiwn ar y tro

easy-r-title = Beth hoffech chi ei alw?
easy-r-name = Enw
easy-r-title-hint = Ychydig eiriau, fel "Grŵp llywio ym mis Mai".
easy-r-title-error = Teipiwch ychydig eiriau i'w enwi.
easy-r-what = Beth ddigwyddodd?
easy-r-so-what = Pam oedd e'n bwysig i chi?
easy-r-now-what = Beth wnewch chi nesaf?
easy-r-empty-hint = Gallwch adael hwn yn wag.
easy-r-mood = Sut oeddech chi'n teimlo?
easy-r-mood-1 = Isel iawn
easy-r-mood-2 = Isel
easy-r-mood-3 = Iawn
easy-r-mood-4 = Da
easy-r-mood-5 = Da iawn
easy-r-mood-none = Gwell gen i beidio â dweud
easy-r-share = Pwy all ei weld?
easy-r-private = Fi yn unig (preifat)
easy-r-ready = Mae'n barod i'w rannu
easy-r-save = Cadw'r myfyrdod

## A ddywedir ar fwy nag un sgrin

common-changes-saved = Mae eich newidiadau wedi'u cadw.
common-change = Newid
common-delete = Dileu

## Myfyrdodau

reflections-delete-title = Dileu “{ $title }”?
reflections-undo-hint = Gallwch ddadwneud hyn am ddeng munud.
reflections-delete-yes = Dileu'r myfyrdod
reflections-deleted-what = y myfyrdod
reflections-saved = Wedi cadw “{ $title }”.
reflections-saved-private = Wedi cadw “{ $title }” yn breifat.
reflections-earlier = Myfyrdodau cynharach
reflections-empty = Dim eto. Mae myfyrio ar ôl cyfarfod yn eich helpu i weld beth newidiodd, a beth rydych chi ei eisiau y tro nesaf.
reflections-private = Preifat
reflections-ready = Yn barod i'w rannu
reflections-change-label = Newid “{ $title }”
reflections-delete-label = Dileu “{ $title }”

## Darllen yn uchel (gwasanaeth lleferydd y cyfrifiadur ei hun yn darllen sgrin neu adroddiad)

read-aloud = Darllen yn uchel
read-aloud-of = Darllen yn uchel: { $what }
read-aloud-this-screen = y sgrin hon
read-aloud-pause = Oedi
read-aloud-resume = Parhau
read-aloud-stop = Stopio darllen
read-aloud-reading = Yn darllen yn uchel
read-aloud-paused = Wedi oedi'r darllen
read-aloud-no-service = Mae angen gwasanaeth lleferydd y cyfrifiadur i ddarllen yn uchel. Ar Linux, gosodwch y pecynnau speech-dispatcher a speech-dispatcher-espeak-ng, yna rhowch gynnig arall arni.
read-aloud-no-voice = Does gan y cyfrifiadur hwn ddim llais ar gyfer yr iaith hon eto. Mae'r pecyn speech-dispatcher-espeak-ng yn ychwanegu lleisiau Saesneg a Chymraeg.
read-aloud-failed = Stopiodd y gwasanaeth lleferydd cyn iddo allu darllen hwn. Rhowch gynnig arall arni mewn munud.

## Rhagolwg yr adroddiad

preview-of = Rhagolwg o { $title }
preview-first-rows = Mae'r rhagolwg yn dangos y { $shown } rhes gyntaf o { $total }; mae pob un yn y ffeil.
preview-stops = Mae'r rhagolwg yn stopio yma; mae gweddill yr adroddiad yn y ffeil.

## Y trosolwg

dash-morning = Bore da
dash-afternoon = Prynhawn da
dash-evening = Noswaith dda
dash-lead = Mae popeth yma'n aros ar y cyfrifiadur hwn, wedi'i amgryptio.
dash-paused = Mae eich cyfranogiad wedi'i oedi tan { $date }. Bydd nodiadau atgoffa'n aros tan hynny. Gofalwch amdanoch eich hun.
dash-resume = Ailddechrau nawr
dash-resumed = Nid yw eich cyfranogiad wedi'i oedi mwyach.
dash-got-it = Iawn
dash-start-title = Dechreuwch gyda phrosiect
dash-start-body = Astudiaeth, gwasanaeth neu grŵp rydych chi'n rhan ohono yw prosiect. Ychwanegwch un, yna cofnodwch beth wnaethoch chi ar ei gyfer — cyfarfod, darllen papurau, gweithdy. Mae Alongside yn adio eich oriau a'r hyn sy'n ddyledus i chi.
dash-start-add = Ychwanegu prosiect
dash-time = Eich amser
dash-this-week = Yr wythnos hon
dash-of-limit = o'ch terfyn o { $limit }
dash-over-it = : drosto
dash-this-month = Y mis hwn
dash-over-contributions = { $n ->
    [zero] heb gyfraniad eto
    [one] ar draws 1 cyfraniad
    [two] ar draws 2 gyfraniad
   *[other] ar draws { $n } cyfraniad
}
dash-this-year = Eleni
dash-of-which = O hynny
dash-split = paratoi { $prep }, cyfarfodydd a gwaith { $meeting }, teithio { $travel }
dash-by-project = Eleni fesul prosiect
dash-log = Cofnodi cyfraniad
dash-money = Arian
dash-owed = Yn ddyledus i chi
dash-owed-claims = { $n ->
    [zero] heb hawliad yn aros
    [one] mewn 1 hawliad sy'n aros
    [two] mewn 2 hawliad sy'n aros
   *[other] mewn { $n } hawliad sy'n aros
}
dash-longest = Yn aros hiraf
dash-longest-line = { $amount } am { $project }, wedi'i hawlio { $days ->
    [zero] heddiw
    [one] ddiwrnod yn ôl
    [two] ddeuddydd yn ôl
   *[other] { $days } diwrnod yn ôl
}
dash-to-claim = Heb ei hawlio eto
dash-to-claim-from = { $n ->
    [zero] { $amount }
    [one] { $amount } o 1 cyfraniad
    [two] { $amount } o 2 gyfraniad
   *[other] { $amount } o { $n } cyfraniad
}
dash-paid-tax-year = Wedi'i dalu'r flwyddyn dreth hon
dash-paid-since = { $amount } (ers { $date })
dash-see-claims = Gweld hawliadau
dash-coming-up = I ddod
dash-no-meetings = Does dim cyfarfodydd wedi'u cynllunio. Cynlluniwch un o Cyfarfodydd.
dash-overdue = Camau gweithredu hwyr
dash-nothing-overdue = Does dim byd yn hwyr.
dash-overdue-count = { $n ->
    [zero] Does dim cam gweithredu wedi pasio'i ddyddiad.
    [one] Mae 1 cam gweithredu wedi pasio'i ddyddiad.
    [two] Mae 2 gam gweithredu wedi pasio'u dyddiadau.
   *[other] Mae { $n } cam gweithredu wedi pasio'u dyddiadau.
}
dash-due = erbyn { $date } ({ $days ->
    [zero] heddiw
    [one] ddiwrnod yn ôl
    [two] ddeuddydd yn ôl
   *[other] { $days } diwrnod yn ôl
})
dash-feedback = Yn aros am adborth
dash-feedback-count = { $n ->
    [zero] Mae adborth wedi dod ar bob cyfraniad.
    [one] Does dim adborth wedi dod eto ar 1 cyfraniad.
    [two] Does dim adborth wedi dod eto ar 2 gyfraniad.
   *[other] Does dim adborth wedi dod eto ar { $n } cyfraniad.
} Pan fydd arweinydd yn anfon "dywedoch chi, gwnaethon ni" atoch, ychwanegwch ef o'r dudalen Rhannu ac fe aiff gyda'ch cyfraniad.
dash-limbo = { $n ->
    [zero] Does dim un wedi aros
    [one] Mae 1 wedi aros
    [two] Mae 2 wedi aros
   *[other] Mae { $n } wedi aros
} dros { $weeks } wythnos. Mae'n deg gofyn i'r prosiect beth ddaeth o'ch cyfraniad.
dash-limbo-list = Yn aros hiraf
dash-weeks = { $n ->
    [zero] { $n } wythnos
    [one] 1 wythnos
    [two] 2 wythnos
   *[other] { $n } wythnos
}
dash-others = Camau gweithredu hwyr pobl eraill
dash-others-count = { $n ->
    [zero] Ar brosiectau rydych chi'n eu rhedeg, does dim cam gweithredu sy'n perthyn i rywun arall yn hwyr.
    [one] Ar brosiectau rydych chi'n eu rhedeg, mae 1 cam gweithredu sy'n perthyn i rywun arall yn hwyr.
    [two] Ar brosiectau rydych chi'n eu rhedeg, mae 2 gam gweithredu sy'n perthyn i eraill yn hwyr.
   *[other] Ar brosiectau rydych chi'n eu rhedeg, mae { $n } cam gweithredu sy'n perthyn i eraill yn hwyr.
}
dash-reflection = Myfyrio
dash-reflect-on = Sut aeth “{ $title }” ar { $date } i chi? Mae ychydig o linellau nawr yn helpu yn nes ymlaen, ac maen nhw'n aros yn breifat oni bai eich bod chi'n dewis fel arall.
dash-reflect-intro = Nodiadau preifat ar sut aeth pethau yw myfyrdodau. Maen nhw'n aros ar y cyfrifiadur hwn oni bai eich bod chi'n eu rhannu.
dash-last-reflection = { $days ->
    [zero] Roedd eich myfyrdod diwethaf heddiw.
    [one] Roedd eich myfyrdod diwethaf ddiwrnod yn ôl.
    [two] Roedd eich myfyrdod diwethaf ddeuddydd yn ôl.
   *[other] Roedd eich myfyrdod diwethaf { $days } diwrnod yn ôl.
}
dash-write-reflection = Ysgrifennu myfyrdod
dash-vault = Eich cofnodion dan glo
dash-locks-itself = Yn cloi ei hun
dash-ways = Ffyrdd o ddatgloi
dash-way-passphrase = Cyfrinymadrodd
dash-way-recovery = cod adfer
dash-way-keyring = cylch allweddi'r cyfrifiadur hwn
dash-kept-in = Yn cael eu cadw yn
dash-last-backup = Copi wrth gefn diwethaf
dash-no-backup = Dim eto
dash-backup-old = Mae'n dipyn ers eich copi wrth gefn diwethaf. Mae copi wrth gefn yn cadw'ch cofnodion yn ddiogel os bydd y cyfrifiadur hwn yn mynd ar goll neu'n torri.
dash-backup-never = Dydych chi ddim wedi gwneud copi wrth gefn o'ch cofnodion eto. Mae copi wrth gefn yn eu cadw'n ddiogel os bydd y cyfrifiadur hwn yn mynd ar goll neu'n torri.
dash-make-backup = Gwneud copi wrth gefn
dash-lock-hint = Pwyswch Ctrl+L unrhyw bryd i gloi Alongside.
dash-adding-up = Yn adio…
autolock-never = byth
autolock-after = { $n ->
    [zero] ar ôl { $n } munud heb ddefnydd
    [one] ar ôl 1 munud heb ddefnydd
    [two] ar ôl 2 funud heb ddefnydd
   *[other] ar ôl { $n } munud heb ddefnydd
}

## Crynodebau (sgrin yr adroddiadau) a chadw adroddiad

sum-title = Crynodebau
sum-intro = Gwnewch grynodeb i'w rannu. Does dim yn gadael eich cyfrifiadur nes i chi gadw ffeil, ac rydych chi'n gweld isod yn union beth fydd ynddo.
sum-which = Pa grynodeb
sum-records = Pa gofnodion
sum-from = O
sum-to = Hyd at
sum-projects-hint = Ticiwch brosiectau i gynnwys y rheini'n unig; gadewch bob un heb ei dicio ar gyfer pob prosiect.
sum-leave-out = Beth i'w adael allan
sum-private = Cynnwys myfyrdodau preifat (a'r rhai sydd heb eu marcio'n barod i'w rhannu)
sum-names = Dangos enwau pobl (fel arall dangosir pob person yn ôl ei rôl)
sum-money = Gadael allan ffioedd, treuliau a thaliadau
sum-money-hint = Mae'r { $report } yn ymwneud ag arian yn unig.
sum-language = Iaith
sum-bilingual = Y ddwy iaith
sum-bilingual-hint = Y crynodeb yn yr iaith a ddewiswyd uchod, yna eto yn y llall, o dudalen newydd.
sum-format = Fformat y ffeil
sum-format-pdf = PDF (i'w ddarllen a'i argraffu)
sum-format-docx = Dogfen Word (i'w golygu)
sum-format-md = Markdown (testun plaen)
sum-format-html = Tudalen we
sum-format-csv = Taenlen (CSV), un rhes yr un
sum-format-json = JSON (data strwythuredig)
sum-preview = Rhagolwg
sum-making-preview = Yn gwneud y rhagolwg…
save-button = Cadw…
save-reading = Yn darllen eich cofnodion…
save-rendering = Yn ysgrifennu'r ffeil…
save-saving = Yn cadw…
save-choose = Dewiswch ble i'w gadw…
save-saved = Wedi cadw { $path } ({ $size }).
save-cancel = Canslo
save-open = Ei agor
save-show = Dangos yn y ffolder

## Chwilio

search-title = Chwilio
search-label = Chwilio popeth
search-hint = Teitlau, nodiadau, beth gyfranoch chi, y log effaith, penderfyniadau a myfyrdodau. Pwyswch Ctrl+K i ddod yma.
search-none = Doedd dim yn cyfateb i “{ $text }”.
search-found = { $n ->
    [zero] Doedd dim yn cyfateb i “{ $text }”.
    [one] 1 canlyniad ar gyfer “{ $text }”.
    [two] 2 ganlyniad ar gyfer “{ $text }”, y gorau'n gyntaf.
   *[other] { $n } canlyniad ar gyfer “{ $text }”, y gorau'n gyntaf.
}
search-found-more = { $n } canlyniad neu fwy ar gyfer “{ $text }”, y gorau'n gyntaf.
search-private = Preifat

## Dechrau: agor, croeso, datgloi

app-skip = Neidio i'r prif gynnwys
app-opening = Yn agor Alongside…
app-failed-title = Methodd Alongside â dechrau
app-failed-body = { $problem } Does dim byd yn eich cofnodion wedi newid.
app-failed-generic = Aeth rhywbeth o'i le.
app-failed-next = Caewch Alongside a'i agor eto. Os bydd hyn yn dal i ddigwydd, efallai na ellir cyrraedd eich ffolder data.
welcome-title = Croeso i Alongside
welcome-lead = Lle preifat i gadw golwg ar y prosiectau ymchwil a gwasanaeth rydych chi'n rhan ohonyn nhw: y cyfarfodydd rydych chi'n eistedd ynddyn nhw, yr amser rydych chi'n ei roi, beth sy'n cael ei dalu i chi, a beth newidiodd oherwydd yr hyn a ddywedoch chi.
welcome-yours = Eich un chi yn unig.
welcome-yours-body = Mae popeth yn aros ar y cyfrifiadur hwn, wedi'i gloi gyda chyfrinymadrodd dim ond chi sy'n ei wybod.
welcome-nothing = Does dim yn cael ei rannu
welcome-nothing-body = oni bai eich bod chi'n dewis gwneud crynodeb a'i gadw eich hun.
welcome-locks = Mae'n cloi ei hun
welcome-locks-body = pan fyddwch chi'n camu i ffwrdd neu pan fydd eich sgrin yn cloi.
welcome-set-up = Creu fy nghofnodion dan glo
welcome-takes = Mae'n cymryd tua munud. Byddwch chi'n dewis cyfrinymadrodd ac yn cael cod adfer.
welcome-before = Wedi defnyddio Alongside o'r blaen?
welcome-restore = Adfer o gopi wrth gefn
welcome-language = Iaith
unlock-title = Datgloi Alongside
unlock-passphrase = Cyfrinymadrodd
unlock-code = Cod adfer
unlock-code-hint = 25 o lythrennau a rhifau, er enghraifft 7K2QD-M9XWA-… Does dim ots am fylchau a llinellau.
unlock-unlocking = Yn datgloi…
unlock-button = Datgloi
unlock-use-code = Defnyddio fy nghod adfer yn lle hynny
unlock-use-passphrase = Defnyddio fy nghyfrinymadrodd yn lle hynny
restore-first-title = Dewch â'ch cofnodion yn ôl
restore-first-back = Yn ôl
passphrase-show = Dangos
passphrase-hide = Cuddio
passphrase-show-what = Dangos { $what }
passphrase-hide-what = Cuddio { $what }
passphrase-strength = Cryfder: { $label }.
create-title = Dewiswch gyfrinymadrodd
create-intro = Mae eich cyfrinymadrodd yn cloi popeth rydych chi'n ei gadw yn Alongside. Dewiswch rywbeth hir y byddwch chi'n ei gofio — mae ychydig o eiriau digyswllt yn ddechrau da. Does neb, gan gynnwys ni, yn gallu ei adfer i chi, ond byddwch chi'n cael cod adfer nesaf.
create-passphrase = Cyfrinymadrodd
create-passphrase-hint = Ychydig o eiriau digyswllt: hir, ond hawdd eu cofio.
create-again = Teipiwch ef eto
create-again-what = y cyfrinymadrodd eto
create-different = Mae'r ddau gyfrinymadrodd yn wahanol. Teipiwch yr un cyfrinymadrodd eto.
create-keyring = Datgloi'n awtomatig ar y cyfrifiadur hwn
create-keyring-hint = Mae'n cadw'r allwedd yng nghylch allweddi'r cyfrifiadur hwn, fel bod Alongside yn agor heb eich cyfrinymadrodd pan fydd yn dechrau tra byddwch chi wedi mewngofnodi. Ar ôl iddo gloi, mae bob amser yn gofyn am eich cyfrinymadrodd. Gadewch hwn i ffwrdd os yw pobl eraill yn defnyddio'ch cyfrif.
create-locking = Yn cloi eich cofnodion…
create-button = Cloi fy nghofnodion ag ef
create-back = Yn ôl
recovery-title = Cadwch eich cod adfer
recovery-intro = Os byddwch chi byth yn anghofio'ch cyfrinymadrodd, y cod hwn yw'r unig ffordd arall i mewn i'ch cofnodion dan glo. Dim ond unwaith y caiff ei ddangos. Ysgrifennwch ef i lawr neu cadwch ef mewn rheolwr cyfrineiriau, i ffwrdd o'r cyfrifiadur hwn.
recovery-code-label = Cod adfer: { $groups }
recovery-copy = Copïo'r cod
recovery-copied = Wedi'i gopïo. Gludwch ef rywle diogel, fel rheolwr cyfrineiriau. Bydd Alongside yn ei glirio o'r clipfwrdd ymhen munud.
recovery-copy-failed = Wnaeth copïo ddim gweithio yma. Ysgrifennwch y cod i lawr yn lle hynny.
recovery-saved = Rwyf wedi cadw fy nghod adfer rywle diogel
recovery-continue = Parhau

## Darnau bach a rennir gan sawl sgrin

approach-scale = ({ $at } o { $of }: hysbysu i gydgynhyrchu)
received-from = O ffeil { $sender } dyddiedig { $made }, wedi'i hychwanegu { $opened }. Mae'n aros fel yr anfonwyd hi: cadwch eich nodiadau eich hun yn eich cyfraniad neu mewn myfyrdod.
progress-of = Cynnydd: { $what }
progress-stop = Stopio
share-summary-title = Anfon crynodeb o'ch cyfraniadau
share-summary-hint = Beth wnaethoch chi, yr amser a gymerodd a'i effaith, ar gyfer arweinydd prosiect. Dydy myfyrdodau byth yn mynd i mewn.
share-summary-money = Cynnwys y ffioedd a'r treuliau a hawliais

## Arian

money-title = Arian
money-to-claim-tab = I'w hawlio
money-claimed-tab = Yn aros am daliad
money-paid-tab = Wedi'u talu
money-owed = Yn ddyledus i chi
money-owed-in = { $n ->
    [zero] { $amount }
    [one] { $amount } mewn 1 hawliad
    [two] { $amount } mewn 2 hawliad
   *[other] { $amount } mewn { $n } hawliad
}
money-not-claimed = Heb ei hawlio eto
money-claimed-tax-year = Wedi'i hawlio'r flwyddyn dreth hon
money-paid-tax-year = Wedi'i dalu'r flwyddyn dreth hon
money-paid-since = { $amount } ers { $date }
money-periods = Ffioedd a threuliau fesul cyfnod
money-periods-hint = Wedi'u cyfrif yn ôl dyddiad y gwaith. Ffeithiau, nid cyngor.
money-periods-caption = Ffioedd a threuliau'r wythnos hon, y cyfnod misol hwn a'r flwyddyn dreth hon
money-period = Cyfnod
money-fees = Ffioedd
money-expenses = Treuliau
money-this-week = Yr wythnos hon
money-this-month = Y cyfnod misol hwn
money-this-tax-year = Y flwyddyn dreth hon
money-from-to = ({ $from } i { $to })
money-limit = Eich terfyn wythnosol: { $amount }.
money-over = Mae ffioedd yr wythnos hon drosto.
money-within = Mae ffioedd yr wythnos hon o fewn y terfyn.
money-no-limit = Gallwch chi osod terfyn enillion wythnosol yn y Gosodiadau; yna caiff wythnosau drosto eu marcio yma ac yn y datganiad taliadau.
money-which = Pa hawliadau
money-nothing = Does dim byd yma.
money-work-on = Gwaith ar { $date }
money-claimed-on = · hawliwyd { $date }
money-paid-on = · talwyd { $date }
money-fee-line = · ffi { $fee } ({ $arrangement }), treuliau { $expenses }
money-mark-sent = Marcio bod yr hawliad am { $date } wedi'i anfon heddiw
money-sent-today = Hawliad wedi'i anfon heddiw
money-mark-paid = Marcio bod yr hawliad am { $date } wedi'i dalu heddiw
money-paid-today = Wedi'i dalu heddiw
money-first-100 = Yn dangos y 100 cyntaf. Defnyddiwch Cyfraniadau i'w gweld i gyd.
