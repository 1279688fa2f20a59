; Alongside's Windows installer (NSIS; built on Linux by `make windows` with Debian's makensis).
; Installs for the current user only, with no administrator rights: the programs go to
; %LOCALAPPDATA%\Programs\Alongside, the shortcut to the user's Start menu, the file type and the
; "Installed apps" entry to HKEY_CURRENT_USER. The vault itself lives apart, in
; %LOCALAPPDATA%\org.alongside.Alongside, and uninstalling leaves it alone.
;
; Defines (makensis -D...): VERSION, APP_EXE, CLI_EXE, DOCS (a folder of licences and the
; README), OUTFILE, COMPRESSOR (lzma for a release; zlib packs the test build quickly).

; A 64-bit installer for a 64-bit program (and Wine without its 32-bit half can run it).
Target amd64-unicode
SetCompressor /SOLID ${COMPRESSOR}
RequestExecutionLevel user
ManifestDPIAware true

!define APP_ID "org.alongside.Alongside"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; Microsoft Edge WebView2's runtime, which draws Alongside's window (part of Windows 11 and of
; Windows 10 with current updates).
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "Alongside"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Alongside"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "Alongside ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "Alongside"
VIAddVersionKey /LANG=1033 "FileDescription" "Alongside installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "2026 Alongside developers (MIT OR Apache-2.0)"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\alongside-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Alongside now"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ; Tell (but do not stop) someone whose Windows lacks the WebView2 runtime.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  StrCmp $0 "" 0 found
  ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  StrCmp $0 "" 0 found
  IfSilent found
  MessageBox MB_OK|MB_ICONINFORMATION "Alongside needs Microsoft Edge WebView2, which this computer does not seem to have. Windows 11 includes it; on Windows 10, install it from Microsoft (search for $\"WebView2 runtime$\") before opening Alongside. The installation will carry on."
  found:
FunctionEnd

Section "Alongside"
  SetOutPath "$INSTDIR"
  File "/oname=alongside-app.exe" "${APP_EXE}"
  File "/oname=alongside.exe" "${CLI_EXE}"
  File /r "${DOCS}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall Alongside.exe"
  CreateShortcut "$SMPROGRAMS\Alongside.lnk" "$INSTDIR\alongside-app.exe" "" "$INSTDIR\alongside-app.exe" 0 SW_SHOWNORMAL "" "A private journal for patient partners"

  ; Backups open in Alongside when double-clicked.
  WriteRegStr HKCU "Software\Classes\.alongside-backup" "" "Alongside.Backup"
  WriteRegStr HKCU "Software\Classes\Alongside.Backup" "" "Alongside backup"
  WriteRegStr HKCU "Software\Classes\Alongside.Backup\DefaultIcon" "" "$INSTDIR\alongside-app.exe,0"
  WriteRegStr HKCU "Software\Classes\Alongside.Backup\shell\open\command" "" '"$INSTDIR\alongside-app.exe" "%1"'

  ; The entry in Settings > Apps > Installed apps.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Alongside"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Alongside developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\alongside-app.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Alongside.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Alongside.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\alongside-app.exe"
  Delete "$INSTDIR\alongside.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\third-party-licences.html"
  Delete "$INSTDIR\third-party-web-and-fonts.txt"
  Delete "$INSTDIR\Uninstall Alongside.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Alongside.lnk"
  ; Only our own file type: another program's choice for the extension is left alone.
  ReadRegStr $0 HKCU "Software\Classes\.alongside-backup" ""
  StrCmp $0 "Alongside.Backup" 0 +2
  DeleteRegKey HKCU "Software\Classes\.alongside-backup"
  DeleteRegKey HKCU "Software\Classes\Alongside.Backup"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
