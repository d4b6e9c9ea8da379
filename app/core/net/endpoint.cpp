#include "net/endpoint.h"
