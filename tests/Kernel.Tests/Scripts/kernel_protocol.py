"""Protocol checks of the course kernel, driven by Jupyter's own client (jupyter_client), never by one of ours.

usage: kernel_protocol.py CHECK REPO_ROOT
Starts the kernel through the installed kernelspec "mnistcourse-csharp" (JUPYTER_DATA_DIR points at the test's
folder), runs one check, prints what it saw; exit code 0 when the check passed, 1 with the reason on stderr.
"""
import contextlib
import json
import os
import re
import sys
import tempfile
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

KERNEL = "mnistcourse-csharp"
TIMEOUT = 120
CHECK, REPO = sys.argv[1], sys.argv[2]
NOTEBOOKS = os.path.join(REPO, "notebooks")


@contextlib.contextmanager
def kernel(cwd=NOTEBOOKS):
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel(cwd=cwd, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        yield km, kc, log.name
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        log.close()


def run(kc, code, **kwargs):
    """Executes code, returns (reply content, [(msg_type, content)] of its IOPub outputs)."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda m: outputs.append((m["msg_type"], m["content"])), **kwargs)
    return reply["content"], [o for o in outputs if o[0] not in ("status", "execute_input")]


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def stream_text(outputs, name="stdout"):
    return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == name)


def shell_reply(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def wait_for_output(kc, text):
    """Reads IOPub until a stream output contains text (the running cell printed it)."""
    deadline = time.time() + TIMEOUT
    seen = ""
    while text not in seen and time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["msg_type"] == "stream":
            seen += msg["content"]["text"]
    expect(text in seen, f"the cell did not print {text!r}")


# ---------------------------------------------------------------------------------------------------------------------

def check_kernel_info():
    with kernel() as (km, kc, _):
        msg_id = kc.kernel_info()
        info = shell_reply(kc, msg_id)["content"]
        print(json.dumps(info, indent=1))
        expect(info["status"] == "ok", "kernel_info status")
        expect(info["protocol_version"] == "5.3", f"protocol_version {info['protocol_version']}")
        expect(info["language_info"]["name"] == "C#", "language name")
        expect(info["language_info"]["file_extension"] == ".cs", "file extension")


def check_outputs():
    with kernel() as (km, kc, _):
        reply, out = run(kc, 'var x = 6 * 7;\nConsole.WriteLine($"x is {x}");\nConsole.Error.WriteLine("to stderr");\nx')
        expect(reply["status"] == "ok", f"first cell: {reply}")
        expect(reply["execution_count"] == 1, f"execution_count {reply['execution_count']}")
        expect(stream_text(out) == "x is 42\n", f"stdout stream: {out}")
        expect(stream_text(out, "stderr") == "to stderr\n", f"stderr stream: {out}")
        results = [c for t, c in out if t == "execute_result"]
        expect(len(results) == 1 and results[0]["data"]["text/plain"] == "42" and results[0]["execution_count"] == 1, f"execute_result: {out}")

        # submission chaining: variables, types and usings of earlier cells
        run(kc, "using System.Globalization;\nrecord Point(int X, int Y);\nstatic int Twice(int v) => 2 * v;")
        reply, out = run(kc, "new Point(Twice(x), 1).X.ToString(CultureInfo.InvariantCulture)")
        expect(reply["status"] == "ok" and reply["execution_count"] == 3, f"chained cell: {reply}")
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["84"], f"chained result: {out}")

        # display(...) with Update: display_data with a display id, then update_display_data with the same id
        reply, out = run(kc, 'var shown = display("epoch 1");\nshown.Update("epoch 2");\ndisplay(HTML("<b>bold</b>"));')
        expect(reply["status"] == "ok", f"display cell: {reply}")
        displays = [c for t, c in out if t == "display_data"]
        updates = [c for t, c in out if t == "update_display_data"]
        expect(len(displays) == 2 and len(updates) == 1, f"display outputs: {out}")
        expect(displays[0]["transient"]["display_id"] == updates[0]["transient"]["display_id"], "update targets the first display")
        expect(updates[0]["data"]["text/plain"] == "epoch 2", f"update data: {updates[0]}")
        expect(displays[1]["data"].get("text/html") == "<b>bold</b>", f"HTML(): {displays[1]}")

        # an image: a byte[] shown as image/png travels base64-encoded
        reply, out = run(kc, 'display(new byte[] { 137, 80, 78, 71 }, "image/png");')
        images = [c["data"].get("image/png") for t, c in out if t == "display_data"]
        expect(images == ["iVBORw=="], f"image/png: {out}")

        # a silent request: runs, but no execute_input / execute_result and no new execution count
        reply, out = run(kc, "x + 1", silent=True)
        expect(reply["status"] == "ok" and not [t for t, c in out if t == "execute_result"], f"silent: {reply} {out}")
        reply, out = run(kc, "x")
        expect(reply["execution_count"] == 6, f"count after a silent request: {reply['execution_count']}")


def check_packages_and_charts():
    with kernel() as (km, kc, _):
        # #r "path.dll", relative to the notebook folder (the kernel's working directory)
        reply, out = run(kc, '#r "../lib/bin/MnistCourse.dll"\nMnistCourse.Convolution.Signal.MultiplySum(new int[,] { { 1, 2 } }, new int[,] { { 3, 4 } })')
        expect(reply["status"] == "ok", f"#r path.dll: {reply}")
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["11"], f"#r result: {out}")

        # #r "nuget: …" (a real restore), and a Plotly.NET chart as offline text/html: plotly.js inlined, nothing from a CDN.
        # (Plotly.NET's F# optional arguments are not optional from C#: null for each.)
        reply, out = run(kc, '#r "nuget: Plotly.NET, 6.0.0"\n#r "nuget: Plotly.NET.Interactive, 6.0.0"\nusing Plotly.NET;\n'
                             'Chart2D_Scatter.Chart.Line<int, int, string>(new[] { 1, 2, 3 }, new[] { 314159, 1, 9 }, ' + ", ".join(["null"] * 30) + ")")
        expect(reply["status"] == "ok", f"Plotly.NET cell: {reply}")
        html = [c["data"].get("text/html", "") for t, c in out if t in ("execute_result", "display_data")]
        expect(len(html) == 1 and "<!-- mnistcourse:plotly.js -->" in html[0] and "314159" in html[0], f"Plotly chart html: {str(out)[:500]}")
        outside = re.sub("<!-- mnistcourse:plotly.js -->.*?<!-- /mnistcourse:plotly.js -->", "", html[0], flags=re.S)
        expect("cdn" not in outside.lower() and not re.search(r"<script[^>]*src=", html[0]), "the chart must not load anything from a CDN")

        reply, out = run(kc, '#r "nuget: XPlot.Plotly, 4.1.0"\nXPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } })')
        expect(reply["status"] == "ok", f"XPlot cell: {reply}")
        html = [c["data"].get("text/html", "") for t, c in out if t in ("execute_result", "display_data")]
        expect(len(html) == 1 and "<div" in html[0] and "newPlot" in html[0], f"XPlot chart html: {str(out)[:500]}")
        expect(not re.search(r"<script[^>]*src=", html[0]), f"XPlot chart loads a script: {html[0][:500]}")


def check_errors():
    with kernel() as (km, kc, _):
        run(kc, "var before = 1;")
        reply, out = run(kc, 'var partial = 5;\nthrow new InvalidOperationException("boom");')
        print(reply)
        expect(reply["status"] == "error", f"reply status: {reply}")
        expect(reply["ename"] == "System.InvalidOperationException" and reply["evalue"] == "boom", f"ename/evalue: {reply}")
        expect(any("line 2" in line for line in reply["traceback"]), f"traceback names the line: {reply['traceback']}")
        errors = [c for t, c in out if t == "error"]
        expect(len(errors) == 1 and errors[0]["ename"] == reply["ename"] and errors[0]["traceback"], f"IOPub error: {out}")

        reply, out = run(kc, "int y = \"not a number\";")
        expect(reply["status"] == "error" and reply["ename"] == "CompilationError" and "CS0029" in reply["evalue"], f"compile error: {reply}")

        # the kernel still runs the next cell, with the state of the earlier ones
        reply, out = run(kc, "before + partial")
        expect(reply["status"] == "ok", f"cell after errors: {reply}")
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["6"], f"state kept: {out}")

        # Run All: after a failing cell (stop_on_error), the execute_requests already queued are aborted
        first = kc.execute('throw new Exception("stop here");')
        second = kc.execute("before = 100;")
        replies = {}
        while len(replies) < 2:
            msg = kc.get_shell_msg(timeout=TIMEOUT)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
        expect(replies == {first: "error", second: "aborted"}, f"queued cell after an error: {replies}")
        reply, out = run(kc, "before")
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["1"], f"aborted cell did not run: {out}")


def check_wrong_signature():
    with kernel() as (km, kc, log):
        marker = os.path.join(tempfile.gettempdir(), f"mnistcourse-kernel-{uuid.uuid4().hex}")
        forged = Session(key=b"not-the-kernel-key", signature_scheme="hmac-sha256")
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
        msg = forged.msg("execute_request", {"code": f'System.IO.File.WriteAllText(@"{marker}", "ran");', "silent": False,
                                              "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forged.send(socket, msg)
        # and a message with no valid framing at all
        socket.send_multipart([b"<IDS|MSG>", b"garbage"])
        expect(socket.poll(3000) == 0, "the kernel answered a badly signed request")
        socket.close()
        expect(not os.path.exists(marker), "the badly signed execute_request was executed")

        reply, out = run(kc, "1 + 1")  # the kernel still serves properly signed requests
        expect(reply["status"] == "ok", f"properly signed request after the forged one: {reply}")
        with open(log) as f:
            text = f.read()
        print(text)
        expect("invalid HMAC signature" in text, "the rejected message is logged")
        expect("malformed message" in text, "the malformed message is logged")


def raw_shell(km):
    """A DEALER socket on the kernel's shell port and a session with the kernel's real key: messages a client signs itself."""
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
    return socket, Session(key=km.session.key, signature_scheme="hmac-sha256")


def send_signed(socket, session, header, content):
    """Signs four JSON frames given as bytes (so they may be malformed) and sends them."""
    frames = [header, b"{}", b"{}", content]
    socket.send_multipart([b"<IDS|MSG>", session.sign(frames)] + frames)


def receive_reply(socket, session, timeout_ms=30000):
    expect(socket.poll(timeout_ms) != 0, "no reply came")
    frames = socket.recv_multipart()
    return session.deserialize(session.feed_identities(frames)[1])


def check_malformed():
    with kernel() as (km, kc, log):
        socket, session = raw_shell(km)
        header = lambda msg_id, **extra: json.dumps({"msg_id": msg_id, "session": session.session, "username": "test", "date": "2026-01-01T00:00:00Z",
                                                   "msg_type": "execute_request", "version": "5.3", **extra}).encode()
        cases = [
            ("code-is-a-number", header("code-is-a-number"), b'{"code": 42, "silent": false}', "content.code is a JSON number"),
            ("invalid-utf8", header("invalid-utf8"), b'{"code": "\xff\xfe", "silent": false}', "not valid UTF-8"),
            (None, json.dumps({"session": session.session, "msg_type": "execute_request"}).encode(), b'{"code": "1"}', "no msg_id"),
        ]
        for msg_id, head, content, why in cases:
            send_signed(socket, session, head, content)
            reply = receive_reply(socket, session)
            print(msg_id, reply["msg_type"], reply["content"])
            expect(reply["msg_type"] == "execute_reply", f"{why}: reply type {reply['msg_type']}")
            expect(reply["parent_header"].get("msg_id") == msg_id, f"{why}: reply addressed to {reply['parent_header']}")
            expect(reply["content"]["status"] == "error" and why in reply["content"]["evalue"], f"{why}: {reply['content']}")
        kc_reply, _ = run(kc, "1 + 1")
        expect(kc_reply["status"] == "ok", f"a proper request after the malformed ones: {kc_reply}")
        socket.close()


def check_replay():
    with kernel() as (km, kc, log):
        marker = os.path.join(tempfile.gettempdir(), f"mnistcourse-kernel-{uuid.uuid4().hex}")
        socket, session = raw_shell(km)
        msg = session.msg("execute_request", {"code": f'System.IO.File.AppendAllText(@"{marker}", "ran\\n");', "silent": False,
                                              "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        for _ in range(2):
            session.send(socket, msg)  # the same message twice: the same signature
        first = receive_reply(socket, session)
        expect(first["content"]["status"] == "ok", f"first: {first['content']}")
        expect(socket.poll(3000) == 0, "the replayed request was answered")
        with open(marker) as f:
            expect(f.read() == "ran\n", "the replayed request was executed")
        os.remove(marker)
        socket.close()
        run(kc, "1 + 1")
        with open(log) as f:
            expect("replayed message" in f.read(), "the replay is logged")


def check_oversized():
    with kernel() as (km, kc, log):
        marker = os.path.join(tempfile.gettempdir(), f"mnistcourse-kernel-{uuid.uuid4().hex}")
        socket, session = raw_shell(km)
        code = f'System.IO.File.WriteAllText(@"{marker}", "ran"); //'
        # 20 MB in four frames of 5 MB (each under ZeroMQ's per-frame limit, the sum over the kernel's 16 MiB)
        big = json.dumps({"code": code + "x" * (5 << 20), "silent": False}).encode()
        head = json.dumps({"msg_id": "big", "session": session.session, "username": "t", "date": "2026-01-01T00:00:00Z",
                           "msg_type": "execute_request", "version": "5.3"}).encode()
        frames = [head, b"{}", b"{}", big, b"x" * (5 << 20), b"x" * (5 << 20), b"x" * (5 << 20)]
        socket.send_multipart([b"<IDS|MSG>", session.sign(frames[:4])] + frames)
        # and one 20 MB frame, which ZeroMQ refuses before buffering it
        socket.send_multipart([b"<IDS|MSG>", b"", b"x" * (20 << 20)])
        expect(socket.poll(3000) == 0, "the oversized request was answered")
        expect(not os.path.exists(marker), "the oversized request was executed")
        socket.close()
        reply, _ = run(kc, "1 + 1")
        expect(reply["status"] == "ok", f"a proper request after the oversized ones: {reply}")
        with open(log) as f:
            text = f.read()
        expect("over the limit of" in text, "the dropped message is logged")


def check_interrupt_loop():
    with kernel() as (km, kc, _):
        msg_id = kc.execute('long spins = 0;\nConsole.WriteLine("spinning");\nwhile (true)\n    spins++;')
        wait_for_output(kc, "spinning")  # interrupt a cell that runs (one interrupted while compiling never ran)
        time.sleep(0.5)
        km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on the control channel
        reply = shell_reply(kc, msg_id)["content"]
        print(reply)
        expect(reply["status"] == "error", f"interrupted cell status: {reply}")
        expect(reply["ename"] == "System.OperationCanceledException", f"interrupted ename: {reply['ename']}")
        expect(any("line 4" in line for line in reply["traceback"]), f"traceback shows where it stopped: {reply['traceback']}")
        reply, out = run(kc, "spins > 0")
        expect(reply["status"] == "ok" and [c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["True"], f"after interrupt: {reply} {out}")
        expect(km.is_alive(), "kernel alive after the interrupt")

        # code that only waits cannot be interrupted: the cell says so (on stderr) and finishes normally
        msg_id = kc.execute('Console.WriteLine("napping");\nSystem.Threading.Thread.Sleep(5000);\n"woke"')
        wait_for_output(kc, "napping")
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)["content"]
        notes = ""
        while True:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr":
                notes += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        expect(reply["status"] == "ok", f"a sleeping cell finishes: {reply}")
        expect("cannot be interrupted" in notes, f"the cell explains why the interrupt did not stop it: {notes!r}")


def check_interrupt_training():
    with kernel() as (km, kc, _):
        reply, out = run(kc, '#r "nuget: TorchSharp-cpu, 0.107.0"\n#r "../lib/bin/MnistCourse.dll"\nusing MnistCourse; using MnistCourse.Layers; using MnistCourse.Models;\n'
                             'using static TorchSharp.torch;\nCourse.Setup(seed: 0);\n'
                             'var model = new Sequential();\nmodel.Add(new Dense(64, activation: "relu", inputShape: 784));\nmodel.Add(new Dense(10, activation: "softmax"));\n'
                             'model.Compile(optimizer: "sgd", loss: "categorical_crossentropy", metrics: ["accuracy"]);\n'
                             'var xs = rand(4096, 784); var ys = nn.functional.one_hot(randint(0, 10, 4096), 10).to(float32);')
        expect(reply["status"] == "ok", f"setup cell: {reply}")
        # Fit's loop is library code: it stops through the cell's token the kernel publishes (AppContext)
        msg_id = kc.execute("model.Fit(xs, ys, epochs: 100000, batchSize: 32, verbose: 1);")
        wait_for_output(kc, "Epoch 1/")
        time.sleep(1)
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)["content"]
        print(reply)
        expect(reply["status"] == "error" and reply["ename"] == "System.OperationCanceledException", f"interrupted Fit: {reply}")
        reply, out = run(kc, "model.CountParams()")
        expect(reply["status"] == "ok", f"kernel usable after interrupting Fit: {reply}")


def check_shutdown():
    with kernel() as (km, kc, _):
        # shutting down must not wait for a busy cell, even one that cannot be interrupted
        kc.execute('Console.WriteLine("sleeping");\nSystem.Threading.Thread.Sleep(600_000);')
        wait_for_output(kc, "sleeping")
        msg_id = kc.shutdown()
        reply = kc.get_control_msg(timeout=TIMEOUT)
        expect(reply["parent_header"]["msg_id"] == msg_id and reply["msg_type"] == "shutdown_reply", f"shutdown reply: {reply}")
        expect(reply["content"]["status"] == "ok" and reply["content"]["restart"] is False, f"shutdown content: {reply['content']}")
        deadline = time.time() + 15
        while km.is_alive() and time.time() < deadline:
            time.sleep(0.1)
        expect(not km.is_alive(), "the kernel process did not exit after shutdown_request")
        code = km.provisioner.process.returncode if km.provisioner and km.provisioner.process else None
        print("exit code", code)
        expect(code == 0, f"exit code {code}")


def check_stdin():
    with kernel() as (km, kc, _):
        prompts = []

        def answer(msg):
            prompts.append(msg["content"])
            kc.input("Ada")

        reply, out = run(kc, 'Console.Write("name? ");\nvar name = Console.ReadLine();\n$"hello {name}"', allow_stdin=True, stdin_hook=answer)
        expect(reply["status"] == "ok" and len(prompts) == 1, f"stdin: {reply} {prompts}")
        expect(stream_text(out) == "name? ", f"prompt printed first: {out}")
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["hello Ada"], f"input used: {out}")
        reply, out = run(kc, "Console.ReadLine() is null", allow_stdin=False)
        expect([c["data"]["text/plain"] for t, c in out if t == "execute_result"] == ["True"], f"no stdin allowed: end of input: {out}")


def check_language_services():
    with kernel() as (km, kc, _):
        run(kc, "var numbers = new List<int> { 1, 2, 3 };\nstring Greet(string who) => $\"hi {who}\";")

        def reply_of(msg_id):
            return shell_reply(kc, msg_id)["content"]

        code = "numbers.Cou"
        c = reply_of(kc.complete(code, len(code)))
        print("complete:", c["matches"][:20])
        expect(c["status"] == "ok" and "Count" in c["matches"], f"member completion: {c['matches'][:20]}")
        expect(c["cursor_start"] == len("numbers.") and c["cursor_end"] == len(code), f"cursor range: {c}")
        c = reply_of(kc.complete("numbers.Whe", 11))
        expect("Where" in c["matches"], f"extension methods (LINQ): {c['matches'][:20]}")
        c = reply_of(kc.complete("Gre", 3))
        expect("Greet" in c["matches"], f"an earlier cell's function: {c['matches'][:20]}")
        c = reply_of(kc.complete("Console.Wri", 11))
        expect(c["matches"] == ["Write", "WriteLine"], f"static members: {c['matches']}")

        i = reply_of(kc.inspect("Greet(\"x\")", 2))
        print("inspect:", i)
        expect(i["status"] == "ok" and i["found"] and "string Greet(string who)" in i["data"]["text/plain"], f"inspect a function: {i}")
        i = reply_of(kc.inspect("numbers", 3))
        expect(i["found"] and "List<int>" in i["data"]["text/plain"] and "value:" in i["data"]["text/plain"], f"inspect a variable: {i}")
        i = reply_of(kc.inspect("Math.Sqrt(2)", 6))
        expect(i["found"] and "square root" in i["data"]["text/plain"], f"framework documentation: {i}")

        for code, status in [("var a = 1;", "complete"), ("for (int k = 0; k < 3; k++)\n{", "incomplete"), ("var b = ;", "invalid")]:
            r = reply_of(kc.is_complete(code))
            expect(r["status"] == status, f"is_complete {code!r}: {r}")


CHECKS = {name[len("check_"):]: f for name, f in globals().items() if name.startswith("check_")}

if __name__ == "__main__":
    if CHECK not in CHECKS:
        print(f"unknown check {CHECK}; known: {', '.join(CHECKS)}", file=sys.stderr)
        sys.exit(2)
    try:
        CHECKS[CHECK]()
    except AssertionError as e:
        print(f"FAILED {CHECK}: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"passed {CHECK}")
