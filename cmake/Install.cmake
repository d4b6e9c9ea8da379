# Installation (cmake --install) and the Debian package (cpack -G DEB). Included last from the top-level
# CMakeLists.txt, so every target exists. The version everywhere is the project VERSION.
include(GNUInstallDirs)

set(NETASSIST_APP_ID io.github.netassist.NetAssist)
# The date of the release named by PROJECT_VERSION, for the AppStream <release> entry; change both together.
set(NETASSIST_RELEASE_DATE 2026-11-25)

install(TARGETS netassist
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    BUNDLE DESTINATION .)

set(resources ${PROJECT_SOURCE_DIR}/resources)
# AppStream wants the .desktop file named after the component id (the <launchable> entry).
install(FILES ${resources}/${NETASSIST_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${resources}/netassist.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 24 32 48 64 128 256)
    install(FILES ${resources}/netassist-${size}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
        RENAME netassist.png)
endforeach()
configure_file(${resources}/${NETASSIST_APP_ID}.metainfo.xml.in
    ${PROJECT_BINARY_DIR}/${NETASSIST_APP_ID}.metainfo.xml @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/${NETASSIST_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Debian package. Library dependencies are read from the binary by dpkg-shlibdeps (so they follow the Qt the
# package was built against); what no ELF file records is listed by hand: a CJK font, since the UI and its
# translation show Chinese text and Debian's default fonts have no CJK glyphs.
set(CPACK_PACKAGE_NAME netassist)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The NetAssist developers")
set(CPACK_PACKAGE_CONTACT "NetAssist developers <netassist@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "network debugging assistant (TCP client and server, text and hex)")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # netassist_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-wqy-microhei | fonts-noto-cjk")
# Qt's own dialogs and the command line parser's errors in the user's language (main loads qtbase_*.qm).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# CPack puts the summary first and indents these lines as Debian policy wants.
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "NetAssist is a TCP client and a TCP server in one window for people who"
    "test devices and learn socket programming: text or hex in and out, common"
    "encodings (UTF-8, GBK, GB18030, Big5, Shift_JIS, ...), checksums, and a"
    "fast receive log that keeps the raw bytes.")
include(CPack)
