#include "session/transcriptcapture.h"

#include "log/transcript.h"

TranscriptCapture::TranscriptCapture(Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_transcript(transcript)
{
    connect(m_transcript, &Transcript::appended, this, &TranscriptCapture::onAppended);
}

bool TranscriptCapture::start(const QString &path, CaptureFile::Format format, bool append)
{
    stop();
    m_error.clear();
    m_format = format;
    const bool pcap = format == CaptureFile::Format::Pcap;
    if (pcap ? !m_pcap.open(path, append) : !m_file.open(path, format, append)) {
        m_error = pcap ? m_pcap.errorString() : m_file.errorString();
        m_file.close();
        m_pcap.close();
        return false;
    }
    if (pcap)
        m_pcap.learnRelayFlows(*m_transcript);
    Q_EMIT changed(true);
    return true;
}

void TranscriptCapture::stop()
{
    if (!isCapturing())
        return;
    m_file.close();
    m_pcap.close();
    Q_EMIT changed(false);
}

void TranscriptCapture::onAppended(qint64 seq)
{
    if (!isCapturing())
        return;
    const Record *record = m_transcript->bySeq(seq);
    if (!record)
        return; // dropped by the budget in the same append: nothing left to write
    const bool pcap = m_format == CaptureFile::Format::Pcap;
    if (pcap ? m_pcap.write(*record, *m_transcript) : m_file.write(*record, m_transcript->peerName(record->peer)))
        return;
    m_error = pcap ? m_pcap.errorString() : m_file.errorString();
    const QString path = fileName();
    stop();
    m_transcript->appendEvent(EventKind::CaptureFailed, path, m_error);
    Q_EMIT failed(path, m_error);
}
