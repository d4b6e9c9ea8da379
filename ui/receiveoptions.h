#pragma once

#include "log/framer.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

// The compact "Framing: [Per read | Idle gap | Delimiter | Fixed length] [parameter]" control of a tab's log.
// Only a complete, valid choice is announced: while a custom hex delimiter is being typed (or is invalid) the
// recorder keeps the last good framing, and the field says why.
class ReceiveOptions : public QWidget
{
    Q_OBJECT
public:
    explicit ReceiveOptions(QWidget *parent = nullptr);

    Framer::Config config() const { return m_config; }
    void setConfig(const Framer::Config &config); // updates the controls; emits framingChanged if it differs
    // A datagram session: every datagram is one frame, so the stream framings are not offered.
    void setDatagrams(bool datagrams);

Q_SIGNALS:
    void framingChanged(const Framer::Config &config);

private:
    enum Delimiter { Lf, Cr, CrLf, Custom };
    void buildUi();
    void onControlsChanged();
    void showParameter(int index);
    void showDelimiter(const QByteArray &delimiter);

    QComboBox *m_mode = nullptr;
    QLabel *m_eachDatagram = nullptr;
    QStackedWidget *m_parameter = nullptr;
    QSpinBox *m_gap = nullptr;
    QComboBox *m_delimiter = nullptr;
    QLineEdit *m_customHex = nullptr;
    QSpinBox *m_length = nullptr;
    Framer::Config m_config;
    bool m_updating = false;
    bool m_datagrams = false;
};
