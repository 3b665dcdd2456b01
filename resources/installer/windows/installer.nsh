; Guichet Desktop's NSIS include (electron-builder.yml nsis.include).
;
; Command-line options for silent roll-outs, written as the machine policy the app reads
; (src-main/policy/readWindowsPolicy.ts): one value per setting key under HKLM\SOFTWARE\Policies\GuichetDesktop.
;   /AUTHORITYURL="https://..." authorityUrl     REG_SZ (in quotes: an unquoted value ends at its first "/")
;   /UPDATES=0|1                updatesEnabled   REG_DWORD
;   /DEMO=0|1                   demoModeAllowed  REG_DWORD
;   /PKCS11MODULES=a.dll;b.dll  pkcs11Modules    REG_MULTI_SZ (";" separates the libraries)
; A value is written only when its option is given (an empty value counts as not given, as an empty MSI property
; does). Values go to the 64-bit registry view: electron-builder's .onInit switches to it (check64BitAndSetRegView)
; on 64-bit Windows, and the app reads that view. The uninstaller leaves the policy: it belongs to the administrator,
; who removes it with Group Policy or reg delete.

!ifndef BUILD_UNINSTALLER
  !include FileFunc.nsh
  !include LogicLib.nsh

  !define GUICHET_POLICY_KEY "SOFTWARE\Policies\GuichetDesktop"

  Var guichetAuthorityUrl
  Var guichetUpdates
  Var guichetDemo
  Var guichetPkcs11Modules

  ; The value of /NAME= in the parameters (in $R0), or "" when it is not there.
  !macro guichetReadOption NAME VAR
    ClearErrors
    ${GetOptions} $R0 "/${NAME}=" ${VAR}
    ${If} ${Errors}
      StrCpy ${VAR} ""
    ${EndIf}
  !macroend

  ; A switch takes 0 or 1: anything else stops the installer before it changes anything (exit code 2).
  !macro guichetCheckSwitch NAME VAR
    ${If} ${VAR} != ""
    ${AndIf} ${VAR} != "0"
    ${AndIf} ${VAR} != "1"
      MessageBox MB_OK|MB_ICONSTOP "/${NAME}= takes 0 or 1, not ${VAR}." /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
  !macroend

  ; An address is given in quotes (/AUTHORITYURL="https://..."): GetOptions ends an unquoted value at its first "/",
  ; which would leave "https:". Anything but an http(s) address stops the installer, with that hint.
  !macro guichetCheckUrl NAME VAR
    Push $0
    Push $1
    StrCpy $0 ${VAR} 8
    StrCpy $1 ${VAR} 7
    ${If} ${VAR} != ""
    ${AndIf} $0 != "https://"
    ${AndIf} $1 != "http://"
      MessageBox MB_OK|MB_ICONSTOP '/${NAME}= takes an https:// address, in quotes: /${NAME}="https://..." (not ${VAR}).' /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    Pop $1
    Pop $0
  !macroend

  ; A registry write that failed stops the installation: a roll-out must not end without its policy, silently.
  !macro guichetFailIfErrors WHAT
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "The machine policy could not be written (${WHAT})." /SD IDOK
      SetErrorLevel 2
      Abort
    ${EndIf}
  !macroend

  !macro customInit
    Push $R0
    ${GetParameters} $R0
    !insertmacro guichetReadOption AUTHORITYURL $guichetAuthorityUrl
    !insertmacro guichetReadOption UPDATES $guichetUpdates
    !insertmacro guichetReadOption DEMO $guichetDemo
    !insertmacro guichetReadOption PKCS11MODULES $guichetPkcs11Modules
    Pop $R0
    !insertmacro guichetCheckUrl AUTHORITYURL $guichetAuthorityUrl
    !insertmacro guichetCheckSwitch UPDATES $guichetUpdates
    !insertmacro guichetCheckSwitch DEMO $guichetDemo
  !macroend

  !macro customInstall
    ClearErrors
    ${If} $guichetAuthorityUrl != ""
      WriteRegStr HKLM "${GUICHET_POLICY_KEY}" "authorityUrl" "$guichetAuthorityUrl"
      !insertmacro guichetFailIfErrors "authorityUrl"
    ${EndIf}
    ${If} $guichetUpdates != ""
      WriteRegDWORD HKLM "${GUICHET_POLICY_KEY}" "updatesEnabled" "$guichetUpdates"
      !insertmacro guichetFailIfErrors "updatesEnabled"
    ${EndIf}
    ${If} $guichetDemo != ""
      WriteRegDWORD HKLM "${GUICHET_POLICY_KEY}" "demoModeAllowed" "$guichetDemo"
      !insertmacro guichetFailIfErrors "demoModeAllowed"
    ${EndIf}
    ${If} $guichetPkcs11Modules != ""
      ; NSIS writes no REG_MULTI_SZ from a variable; reg.exe does, splitting at ";" (/s ;), into the 64-bit view.
      Push $0
      nsExec::ExecToLog '"$SYSDIR\reg.exe" add "HKLM\${GUICHET_POLICY_KEY}" /v pkcs11Modules /t REG_MULTI_SZ /s ; /d "$guichetPkcs11Modules" /f /reg:64'
      Pop $0 ; reg.exe's exit code, or "error" when it could not be started
      ${If} $0 != "0"
        SetErrors
      ${EndIf}
      Pop $0
      !insertmacro guichetFailIfErrors "pkcs11Modules"
    ${EndIf}
  !macroend
!endif
