#pragma once

#include "script/step.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class StepSpecFields;

// The fields of the selected step of a sequence: its kind, label and whether it runs, then the kind's own fields
// (a send's payload as the send box builds it and its target; an expect's match, pattern, text options, timeout
// and reply checksum; a wait's milliseconds; a repeat's count). Every user edit emits stepEdited with the whole
// step; the fields of the other kinds are kept, so switching the kind back and forth loses nothing.
class StepEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StepEditor(QWidget *parent = nullptr);

    Step step() const { return m_step; }
    // Shows step without emitting stepEdited.
    void setStep(const Step &step);
    // What SequenceCheck says of the step, in words (empty: none).
    void setProblem(const QString &problem);

Q_SIGNALS:
    void stepEdited(const Step &step);

private:
    QWidget *createSendPage();
    QWidget *createExpectPage();
    QWidget *createWaitPage();
    QWidget *createRepeatPage();
    void show(const Step &step);
    void readFields();
    void updateEnabled();

    Step m_step;
    bool m_showing = false;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_label = nullptr;
    QCheckBox *m_enabled = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_sendText = nullptr;
    StepSpecFields *m_sendSpec = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_match = nullptr;
    QLineEdit *m_pattern = nullptr;
    StepSpecFields *m_expectSpec = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_waitMs = nullptr;
    QSpinBox *m_repeatCount = nullptr;
    QLabel *m_problem = nullptr;
};
