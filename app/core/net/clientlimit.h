#pragma once

// A listener that can refuse clients beyond a number (the TCP server). Refused clients are reported as
// Session::Activity::Refused.
class ClientLimit
{
public:
    virtual ~ClientLimit() = default;
    // 0 = no limit.
    virtual void setMaxClients(int max) = 0;
    virtual int maxClients() const = 0;
};
