#pragma once

#include "log/logrenderer.h"

#include <QTimer>
#include <QWidget>

class LogSearchBar;
class LogView;
class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;
class Transcript;

// The receive log with its controls: view and encoding, what the headers show, auto-scroll, pause, clear, copy,
// save, and the RX/TX counters under it. Every change of a control re-renders the whole history at once.
class LogPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int CounterIntervalMs = 200;

    explicit LogPanel(Transcript *transcript, QWidget *parent = nullptr);

    LogView *view() const { return m_view; }
    LogSearchBar *searchBar() const { return m_searchBar; }
    // A row of controls under the log's own (the page's receive options), above the log.
    void addToolRow(QWidget *row);
    RenderOptions options() const;
    // Updates the controls too. While the log follows the tab's encoding, options.encoding is the tab's and setting
    // a different one sets the log apart (followsTabEncoding() turns false).
    void setOptions(const RenderOptions &options);

    // The tab's encoding (the send box's): one encoding for both by default, so a reply in the encoding one sends
    // in reads right at once. The log can take another on purpose, and then says that it differs.
    void setTabEncoding(const QByteArray &encoding);
    bool followsTabEncoding() const { return m_followTab; }
    void setFollowsTabEncoding(bool follow);
    // For a log with no send box (a capture's tab): the "as the send box" choice and its note go away, and the
    // encoding is only what the user picks.
    void withoutTabEncoding();

    // Writes every row to fileName as UTF-8 text; returns the error text, or an empty string on success.
    QString saveText(const QString &fileName) const;
    // Writes the records the log holds as a pcap capture (PcapRecordWriter); the error text, or empty on success.
    QString savePcap(const QString &fileName) const;

public Q_SLOTS:
    void openSearch(); // Ctrl+F
    void clearLog();
    void saveAs(); // asks for a file name, reports a failure in a message box

Q_SIGNALS:
    void optionsChanged(); // view, encoding or header options, by the controls or setOptions

private:
    void buildUi();
    void syncControls(const RenderOptions &options);
    void showEncodingNote();
    void applyControls();
    RenderLabels labels() const;
    QString eventText(const Record &record) const;
    void scheduleCounters();
    void updateCounters();

    Transcript *m_transcript;
    LogView *m_view = nullptr;
    QComboBox *m_viewMode = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_encodingNote = nullptr;
    QByteArray m_tabEncoding = "UTF-8";
    bool m_followTab = true;
    bool m_hasTab = true; // there is a send box whose encoding the log can follow
    QCheckBox *m_timestamps = nullptr;
    QCheckBox *m_showPeer = nullptr;
    QCheckBox *m_showControls = nullptr;
    QCheckBox *m_showDelta = nullptr;
    QCheckBox *m_autoScroll = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_clear = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_save = nullptr;
    QToolButton *m_find = nullptr;
    QLabel *m_counters = nullptr;
    LogSearchBar *m_searchBar = nullptr;
    int m_toolRows = 1; // rows above the log in the panel's layout
    QToolButton *m_resetCounters = nullptr;
    QTimer m_counterTimer;
};
