#include "net/tcpserversession.h"
