#pragma once

#include <QString>

// How reading a capture ended. The words for each are the UI's; detail is libpcap's or the system's own reason
// (untranslated), for the UI to quote.
enum class CaptureStatus {
    Ok, // read to the end
    CannotOpen, // the file could not be opened (detail: the system's reason)
    Empty, // the file holds no byte at all
    NotACapture, // neither pcap nor pcapng, or its file header is cut (detail: libpcap's reason)
    UnsupportedLinkType, // a capture of a link layer NetAssist does not decode (linkType, detail: libpcap's name)
    Truncated, // the file ends inside a packet: everything before stopFrame was read
    Corrupt, // a packet record is impossible (e.g. its length): everything before stopFrame was read
    Cancelled, // the progress callback asked to stop at stopFrame
};

struct CaptureResult
{
    CaptureStatus status = CaptureStatus::Ok;
    QString detail;
    int linkType = -1; // libpcap's DLT_ value (pcap_datalink), once the file was opened
    qint64 stopFrame = 0; // Truncated / Corrupt / Cancelled: number (from 1) of the first packet not read
    qint64 stopOffset = -1; // ... and the byte offset in the file where its record begins

    bool ok() const { return status == CaptureStatus::Ok; }
    // Truncated, Corrupt and Cancelled still deliver everything read before stopFrame.
    bool readSomething() const
    {
        return status == CaptureStatus::Ok || status == CaptureStatus::Truncated || status == CaptureStatus::Corrupt
            || status == CaptureStatus::Cancelled;
    }
};
