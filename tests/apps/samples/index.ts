// The samples app: our versions of the durable-functions samples, loaded by the local host.
import './activities';
import './chaining';
import './fanOut';
import './humanInteraction';
import './subOrchestration';
import './eternal';
import './retry';
import './events';
import './timers';
import './failures';
import './http';
