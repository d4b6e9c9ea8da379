#include "session/tabmodel.h"

#include "log/logjson.h"
#include "log/sessionrecorder.h"
#include "net/session.h"
#include "session/autoresponder.h"
#include "session/transcriptcapture.h"

TabModel::TabModel(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_recorder(new SessionRecorder(session, &m_transcript, this))
    , m_autoReply(new AutoResponder(session, m_recorder, this))
    , m_capture(new TranscriptCapture(&m_transcript, this))
{
    m_session->setParent(this);
}

TabModel::~TabModel()
{
    // The session goes first, while the transcript (a member) still exists: a session may still signal as it
    // closes its sockets.
    delete m_session;
}

void TabModel::setTextEncoding(const QByteArray &encoding)
{
    m_encoding = encoding;
    m_autoReply->setTextEncoding(encoding);
    m_capture->setTextEncoding(encoding);
}

void TabModel::note(const QString &text)
{
    m_transcript.appendEvent(EventKind::Note, QString(), text);
}

QJsonObject TabModel::receiveSettings() const
{
    return {{QStringLiteral("framing"), FramingJson::toJson(m_recorder->framing())},
        {QStringLiteral("autoReply"), m_autoReply->toJson()}};
}

void TabModel::setReceiveSettings(const QJsonObject &settings)
{
    m_recorder->setFraming(FramingJson::fromJson(settings.value(QStringLiteral("framing")).toObject()));
    m_autoReply->fromJson(settings.value(QStringLiteral("autoReply")).toObject());
}
