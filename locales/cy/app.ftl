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
