<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaptureFlowsDialog</name>
    <message numerus="yes">
        <source>%n stream(s) and flow(s) in %1.</source>
        <translation>
            <numerusform>%n stream or flow in %1.</numerusform>
            <numerusform>%n streams and flows in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message numerus="yes">
        <source>%1 → %2: %n byte(s) missing from the capture</source>
        <translation>
            <numerusform>%1 → %2: %n byte missing from the capture</numerusform>
            <numerusform>%1 → %2: %n bytes missing from the capture</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message numerus="yes">
        <source>Running “%1” (%n step(s)).</source>
        <translation>
            <numerusform>Running “%1” (%n step).</numerusform>
            <numerusform>Running “%1” (%n steps).</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>Exported %n command(s).</source>
        <translation>
            <numerusform>Exported %n command.</numerusform>
            <numerusform>Exported %n commands.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelayText</name>
    <message numerus="yes">
        <source>closed after %n byte(s)</source>
        <translation>
            <numerusform>closed after %n byte</numerusform>
            <numerusform>closed after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reset after %n byte(s)</source>
        <translation>
            <numerusform>reset after %n byte</numerusform>
            <numerusform>reset after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dropped a datagram of %n byte(s)</source>
        <translation>
            <numerusform>dropped a datagram of %n byte</numerusform>
            <numerusform>dropped a datagram of %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queue full: dropped a datagram of %n byte(s)</source>
        <translation>
            <numerusform>queue full: dropped a datagram of %n byte</numerusform>
            <numerusform>queue full: dropped a datagram of %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SequencePanel</name>
    <message numerus="yes">
        <source>Imported %n step(s) from %1.</source>
        <translation>
            <numerusform>Imported %n step from %1.</numerusform>
            <numerusform>Imported %n steps from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SequenceText</name>
    <message numerus="yes">
        <source>repeat %n time(s)</source>
        <translation>
            <numerusform>repeat %n time</numerusform>
            <numerusform>repeat %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 … (%n byte(s))</source>
        <translation>
            <numerusform>%1 … (%n byte)</numerusform>
            <numerusform>%1 … (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) to %1</source>
        <translation>
            <numerusform>%n byte to %1</numerusform>
            <numerusform>%n bytes to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n peer</numerusform>
            <numerusform>%n peers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) dropped (queue full)</source>
        <translation>
            <numerusform>%n frame dropped (queue full)</numerusform>
            <numerusform>%n frames dropped (queue full)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) not expected by any step</source>
        <translation>
            <numerusform>%n frame not expected by any step</numerusform>
            <numerusform>%n frames not expected by any step</numerusform>
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
