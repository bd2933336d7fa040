# workerd config of the FlowExec API: `node scripts/bundle-runtimes.mjs` first, then
# `$(node scripts/install-runtime.mjs workerd) serve src/runtime/workerd.capnp --socket-addr http=127.0.0.1:8787`
# (the test passes http=127.0.0.1:0 and --control-fd 3 to learn the port).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "flowexec", worker = .flowexecWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "flowexec") ],
);

const flowexecWorker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "../../build/runtime/workerd.js"),
    # workerd refuses to compile wasm from bytes at run time: the module is linked here instead
    (name = "flowexec.wasm", wasm = embed "../../build/runtime/flowexec.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  bindings = [
    # FLOWEXEC_API_TOKEN and FLOWEXEC_MAX_* limits are read from these (values are strings)
    (name = "FLOWEXEC_API_TOKEN", fromEnvironment = "FLOWEXEC_API_TOKEN"),
    (name = "FLOWEXEC_MAX_SIMULATION_PATH_STEPS", fromEnvironment = "FLOWEXEC_MAX_SIMULATION_PATH_STEPS"),
    (name = "FLOWEXEC_MAX_JOB_PATH_STEPS", fromEnvironment = "FLOWEXEC_MAX_JOB_PATH_STEPS"),
    (name = "FLOWEXEC_MAX_BODY_BYTES", fromEnvironment = "FLOWEXEC_MAX_BODY_BYTES"),
  ],
);
