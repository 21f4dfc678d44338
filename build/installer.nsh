; Halo Setup's additions to electron-builder's NSIS uninstaller.
;
; The uninstaller keeps the user's data (instances, mappings, logs in %APPDATA%\Halo Setup) unless the
; user says otherwise: an interactive uninstall asks, with "keep" as the default button; a silent one
; (/S) keeps it, and `--delete-app-data` (electron-builder's own switch) removes it without asking.
; An update runs the old uninstaller too: it never asks and never deletes then.
; Client secrets live in Windows Credential Manager, not in that folder; the app removes an instance's
; secret when the instance is deleted, so the message says how to remove them first.

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ${ifNot} ${Silent}
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
        "Also delete your Halo Setup data (instances, organization mappings and logs)?$\r$\n$\r$\nChoose No to keep it for a later reinstall. To remove stored client secrets from Windows Credential Manager, delete each instance in Halo Setup before uninstalling." \
        /SD IDNO IDNO haloSetupKeepData
        SetShellVarContext current
        RMDir /r "$APPDATA\${APP_FILENAME}"
        !ifdef APP_PRODUCT_FILENAME
          RMDir /r "$APPDATA\${APP_PRODUCT_FILENAME}"
        !endif
      haloSetupKeepData:
    ${endIf}
  ${endIf}
!macroend
