#include "net/tcpclientsession.h"
