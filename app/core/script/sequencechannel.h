#pragma once

#include "script/step.h"

#include <QByteArray>

// What a sequence runs over: the window's tab (its session) or `netassist run`'s connection. The host adapts its
// session to this and feeds received frames to SequenceRunner::frameReceived, so the runner needs no socket and the
// same code runs in the window and headless.
class SequenceChannel
{
public:
    virtual ~SequenceChannel();

    // False once the connection is gone (or before it exists): send and expect steps then fail ChannelClosed.
    virtual bool isOpen() const = 0;
    // Hands the bytes over for sending, without blocking; returns how many peers they went to. 0 (no peer, no
    // current peer selected, the write was refused) fails the step with SendFailed.
    virtual int send(const QByteArray &bytes, SequenceTarget target) = 0;
};
