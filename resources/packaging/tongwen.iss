; Inno Setup 6 script for Tongwen on Windows.  NOT built or tested in CI (Linux only).
; Build on Windows after `pyinstaller --noconfirm build.spec` has made dist\tongwen\:
;   iscc /DAppVersion=0.1.0 resources\packaging\tongwen.iss
; Output: dist\tongwen-<version>-setup.exe, a per-user install (no admin rights needed).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6C1B0F5E-4A0B-4F7E-9E52-3B6A1D0C7A11}
AppName=Tongwen 同文
AppVersion={#AppVersion}
AppPublisher=Tongwen
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Tongwen
DefaultGroupName=Tongwen
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=tongwen-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\tongwen.ico
UninstallDisplayIcon={app}\tongwen.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
LicenseFile={#Root}\LICENSE

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\tongwen\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Tongwen 同文"; Filename: "{app}\tongwen.exe"
Name: "{autodesktop}\Tongwen 同文"; Filename: "{app}\tongwen.exe"; Tasks: desktopicon

; "Open with Tongwen" for the document types it reads (no default-handler takeover).
[Registry]
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Tongwen 同文"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\shell\open\command"; ValueType: string; ValueData: """{app}\tongwen.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\tongwen.exe\SupportedTypes"; ValueType: string; ValueName: ".epub"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Tongwen.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "Tongwen.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "Tongwen.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.epub\OpenWithProgids"; ValueType: string; ValueName: "Tongwen.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Tongwen.Document"; ValueType: string; ValueData: "Document (Tongwen)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Tongwen.Document\DefaultIcon"; ValueType: string; ValueData: "{app}\tongwen.exe,0"
Root: HKA; Subkey: "Software\Classes\Tongwen.Document\shell\open\command"; ValueType: string; ValueData: """{app}\tongwen.exe"" ""%1"""

[Run]
Filename: "{app}\tongwen.exe"; Description: "{cm:LaunchProgram,Tongwen}"; Flags: nowait postinstall skipifsilent
