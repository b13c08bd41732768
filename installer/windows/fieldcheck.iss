; Inno Setup script for FieldCheck on Windows (build it on a Windows machine; it cannot be
; built on Linux):
;   1. On Windows, in a checkout: py -m venv .venv && .venv\Scripts\pip install -e .[test]
;   2. .venv\Scripts\python -m PyInstaller --noconfirm --distpath installer\out\dist installer\fieldcheck.spec
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\fieldcheck.iss
; The result is installer\out\FieldCheck-<version>-setup.exe: a per-user install (no admin
; rights), a Start-menu entry and an uninstaller. Inspection data lives in the user's
; %LOCALAPPDATA%\FieldCheck and is kept when FieldCheck is uninstalled.

#define AppVersion "0.1.0"

[Setup]
AppId={{6F0F5A1E-6B5C-4C69-9F7E-3C1D0B3F2A10}
AppName=FieldCheck
AppVerName=FieldCheck {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=FieldCheck
DefaultDirName={localappdata}\Programs\FieldCheck
DefaultGroupName=FieldCheck
PrivilegesRequired=lowest
OutputDir=..\out
OutputBaseFilename=FieldCheck-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\fieldcheck.exe
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\out\dist\fieldcheck\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\FieldCheck 脱贫攻坚考核"; Filename: "{app}\fieldcheck.exe"
Name: "{group}\卸载 FieldCheck"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\fieldcheck.exe"; Description: "启动 FieldCheck"; Flags: nowait postinstall skipifsilent

; The data folder ({localappdata}\FieldCheck, platformdirs' user data folder) is never
; listed here, so the uninstaller leaves every inspection, photo and backup in place.
