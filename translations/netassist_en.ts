<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LogPanel</name>
    <message numerus="yes">
        <source>(%n byte(s))</source>
        <translation>
            <numerusform>(%n byte)</numerusform>
            <numerusform>(%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadPreview</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%n byte(s))</source>
        <translation>
            <numerusform>… (%n byte)</numerusform>
            <numerusform>… (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickCommandsPanel</name>
    <message numerus="yes">
        <source>Imported %n command(s).</source>
        <translation>
            <numerusform>Imported %n command.</numerusform>
            <numerusform>Imported %n commands.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %n command(s); the others were here already.</source>
        <translation>
            <numerusform>Imported %1 of %n command; the others were here already.</numerusform>
            <numerusform>Imported %1 of %n commands; the others were here already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message numerus="yes">
        <source>%1, %n new record(s)</source>
        <translation>
            <numerusform>%1, %n new record</numerusform>
            <numerusform>%1, %n new records</numerusform>
        </translation>
    </message>
</context>
</TS>
