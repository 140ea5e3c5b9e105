; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; Provisioning: an admin puts qianzhao-provision.json beside the installer (or on the USB stick
; the installer runs from); the installer copies it into the install folder, where the app's
; first run finds it (db/provisioning/startup.ts). A file already there is replaced only by a
; newer one beside the next installer; an update without one keeps the old file.
!macro customInstall
  ${if} ${FileExists} "$EXEDIR\qianzhao-provision.json"
    CopyFiles /SILENT "$EXEDIR\qianzhao-provision.json" "$INSTDIR\qianzhao-provision.json"
    DetailPrint "已复制配置文件 qianzhao-provision.json"
  ${endIf}
!macroend

; A real uninstall removes the file (it names the platform and an enrollment code); an update keeps it.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    Delete "$INSTDIR\qianzhao-provision.json"
  ${endIf}
!macroend
