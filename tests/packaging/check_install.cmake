# cmake -DBUILD_DIR=... -DPREFIX=... -DVERSION=... -DAPP_ID=... -P check_install.cmake
foreach(var BUILD_DIR PREFIX VERSION APP_ID)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_install.cmake: -D${var}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}): ${err}")
endif()

set(share ${PREFIX}/share)
set(desktop ${share}/applications/${APP_ID}.desktop)
set(metainfo ${share}/metainfo/${APP_ID}.metainfo.xml)
set(expected
    ${PREFIX}/bin/netassist
    ${desktop}
    ${metainfo}
    ${share}/icons/hicolor/scalable/apps/netassist.svg)
foreach(size 16 24 32 48 64 128 256)
    list(APPEND expected ${share}/icons/hicolor/${size}x${size}/apps/netassist.png)
endforeach()
foreach(file ${expected})
    if(NOT EXISTS ${file})
        message(SEND_ERROR "not installed: ${file}")
    endif()
endforeach()

# The pieces must name each other: the desktop file runs the binary and shows the icon, the metainfo launches the
# desktop file and carries the project version.
file(READ ${desktop} desktopText)
foreach(line "Exec=netassist" "Icon=netassist" "Name[zh_CN]=网络调试助手")
    string(FIND "${desktopText}" "${line}" at)
    if(at LESS 0)
        message(SEND_ERROR "${desktop} lacks ${line}")
    endif()
endforeach()
file(READ ${metainfo} metainfoText)
foreach(text "<id>${APP_ID}</id>" "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>"
        "<release version=\"${VERSION}\"")
    string(FIND "${metainfoText}" "${text}" at)
    if(at LESS 0)
        message(SEND_ERROR "${metainfo} lacks ${text}")
    endif()
endforeach()

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${desktop} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(SEND_ERROR "desktop-file-validate failed:\n${out}")
    endif()
else()
    message(STATUS "desktop-file-validate not found: .desktop not validated")
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND ${APPSTREAMCLI} validate --no-net ${metainfo}
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(SEND_ERROR "appstreamcli validate failed:\n${out}")
    endif()
    # The installed tree as a software centre sees it: the metainfo finds its desktop file and icon.
    execute_process(COMMAND ${APPSTREAMCLI} validate-tree --no-net ${PREFIX}
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(SEND_ERROR "appstreamcli validate-tree failed:\n${out}")
    endif()
else()
    message(STATUS "appstreamcli not found: metainfo not validated")
endif()

# --version, --help and a bad argument must work with no display at all (before any QApplication exists).
set(noDisplay ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM LC_ALL=C.UTF-8)
execute_process(COMMAND ${noDisplay} ${PREFIX}/bin/netassist --version
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "netassist ${VERSION}\n")
    message(SEND_ERROR "netassist --version: exit ${rc}, stdout '${out}', stderr '${err}'")
endif()
execute_process(COMMAND ${noDisplay} ${PREFIX}/bin/netassist --help
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${out}" "--client <HOST:PORT>" at)
if(NOT rc EQUAL 0 OR at LESS 0)
    message(SEND_ERROR "netassist --help: exit ${rc}, stdout '${out}', stderr '${err}'")
endif()
execute_process(COMMAND ${noDisplay} ${PREFIX}/bin/netassist --client nowhere
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${err}" "--client nowhere: the port is missing" at)
if(NOT rc EQUAL 2 OR at LESS 0 OR NOT out STREQUAL "")
    message(SEND_ERROR "netassist --client nowhere: exit ${rc} (want 2), stdout '${out}', stderr '${err}'")
endif()
