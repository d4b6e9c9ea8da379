#pragma once

#include "logsearch.h"

#include <QTimer>
#include <QWidget>

class LogView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class Transcript;

// The find bar under the log (Ctrl+F): text or hex, next / previous, "not found"; and what the log shows: RX, TX,
// events and, in the server tab, one client. The filters belong to the bar: closing it shows everything again, so a
// hidden filter can never make records seem lost.
class LogSearchBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int TypingDelayMs = 150;

    LogSearchBar(LogView *view, Transcript *transcript, QWidget *parent = nullptr);

    // The client filter is offered only where there are several peers (the server tab).
    void setPeerFilterEnabled(bool on);
    LogSearch *search() const { return m_search; }

public Q_SLOTS:
    void openBar(); // shows the bar and focuses the query, selected
    void closeBar(); // hides it, drops the highlight and the filters
    void findNext();
    void findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void find(bool forward, LogSearch::Origin origin);
    void onQueryEdited();
    void applyFilters();
    void listPeers();
    void showStatus(const QString &text, bool problem);

    LogView *m_view;
    Transcript *m_transcript;
    LogSearch *m_search;
    QLineEdit *m_query = nullptr;
    QComboBox *m_mode = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_showRx = nullptr;
    QCheckBox *m_showTx = nullptr;
    QCheckBox *m_showEvents = nullptr;
    QComboBox *m_peer = nullptr;
    QToolButton *m_close = nullptr;
    QTimer m_typing;
    quint32 m_peersSeen = 0; // transcript peer indices 1..m_peersSeen were looked at (the transcript interns in order)
    QList<quint32> m_unlistedPeers; // clients not yet in m_peer
    bool m_peerFilter = false;
};
