using MemScopeTrace.Model;
namespace MemScopeReports.Export.Dashboard;

/// <summary>The dashboard's CSS: theme colours as custom properties so the toggle only flips data-theme.</summary>
internal static class DashboardStyle
{
    public const string Text = """
:root { --bg:#f6f7f9; --panel:#fff; --fg:#1d2330; --muted:#5b6475; --line:#dde1e8; --accent:#2563eb; --live:#2563eb; --heap:#9333ea; --frag:#d97706; --bad:#d93b3b; --ok:#2e7d32; --sel:#dbe6ff; --bar:#60a5fa; }
[data-theme=dark] { --bg:#12151c; --panel:#1b2029; --fg:#e6e9ef; --muted:#9aa3b5; --line:#2d3440; --accent:#7aa2ff; --live:#60a5fa; --heap:#c084fc; --frag:#fbbf24; --bad:#f87171; --ok:#4ade80; --sel:#24324f; --bar:#3b82f6; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif; background:var(--bg); color:var(--fg); }
header { display:flex; align-items:center; gap:1rem; padding:.6rem 1rem; border-bottom:1px solid var(--line); background:var(--panel); }
header h1 { font-size:1.1rem; margin:0; flex:1; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
header .meta { color:var(--muted); font-size:.85rem; }
button, input, select { font:inherit; color:inherit; }
button { background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:.25rem .6rem; cursor:pointer; }
button:hover { border-color:var(--accent); }
:focus-visible { outline:2px solid var(--accent); outline-offset:1px; }
input[type=search], input[type=number], select { background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:.25rem .5rem; }
#layout { display:grid; grid-template-columns:minmax(0,1fr) auto; }
main { min-width:0; padding:.75rem 1rem; }
#timeline-panel { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:.5rem; }
#timeline-bar { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; font-size:.85rem; color:var(--muted); margin-bottom:.25rem; }
#timeline-bar .key { display:inline-flex; align-items:center; gap:.25rem; }
#timeline-bar .sw { width:.8rem; height:.2rem; display:inline-block; }
#timeline { width:100%; height:170px; display:block; cursor:grab; touch-action:none; }
#timeline.selecting { cursor:crosshair; }
#select-mode[aria-pressed=true] { background:var(--accent); color:#fff; border-color:var(--accent); }
label.flt { display:inline-flex; align-items:center; gap:.3rem; font-size:.85rem; color:var(--muted); }
label.flt input, label.flt select { color:var(--fg); }
input[type=number] { width:7rem; }
nav[role=tablist] { display:flex; flex-wrap:wrap; gap:.25rem; margin:.75rem 0 .5rem; }
nav [role=tab][aria-selected=true] { background:var(--accent); color:#fff; border-color:var(--accent); }
.view[hidden] { display:none; }
.cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(10rem,1fr)); gap:.6rem; }
.card { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:.6rem .8rem; }
.card.alert { border-color:var(--bad); }
.card .label { color:var(--muted); font-size:.75rem; text-transform:uppercase; letter-spacing:.03em; }
.card .value { font-size:1.4rem; font-weight:600; }
.card .detail { color:var(--muted); font-size:.8rem; }
h2 { font-size:1rem; margin:1rem 0 .4rem; }
ol.diag { padding-left:1.5rem; margin:0; }
ol.diag li { margin:.35rem 0; }
.sev { font-size:.75rem; font-weight:600; border-radius:4px; padding:0 .3rem; margin-right:.35rem; border:1px solid var(--line); }
.sev.Error { color:var(--bad); border-color:var(--bad); }
.sev.Warning { color:var(--frag); border-color:var(--frag); }
.ev { color:var(--muted); font-size:.8rem; }
.none { color:var(--ok); }
.vt { background:var(--panel); border:1px solid var(--line); border-radius:8px; }
.vt-tools { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; padding:.4rem .5rem; border-bottom:1px solid var(--line); }
.vt-tools .count { color:var(--muted); font-size:.85rem; }
.vt-head, .vt-row { display:grid; gap:0 .5rem; padding:0 .5rem; }
.vt-head { border-bottom:1px solid var(--line); font-weight:600; }
.vt-head button { border:0; background:none; padding:.35rem 0; text-align:left; font-weight:600; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.vt-head button[aria-sort=ascending]::after { content:" \25B2"; }
.vt-head button[aria-sort=descending]::after { content:" \25BC"; }
.vt-body { position:relative; overflow:auto; height:min(60vh,34rem); }
.vt-rows { position:absolute; left:0; right:0; top:0; }
.vt-row { height:26px; align-items:center; border-bottom:1px solid var(--line); cursor:pointer; font-family:ui-monospace,"Cascadia Mono",Consolas,monospace; font-size:.8rem; }
.vt-row:hover, .vt-row:focus { background:var(--sel); }
.vt-row span { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.vt-row .num, .vt-head .num { text-align:right; }
.lt-row { display:grid; grid-template-columns:14rem minmax(0,1fr); gap:.5rem; height:30px; align-items:center; border-bottom:1px solid var(--line); padding:0 .5rem; }
.lt-row > button { text-align:left; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; font-family:ui-monospace,Consolas,monospace; font-size:.8rem; padding:.1rem .4rem; }
.track { position:relative; height:18px; background:var(--bg); border-radius:3px; overflow:hidden; }
.track .bar { position:absolute; top:3px; height:12px; min-width:3px; padding:0; border-radius:2px; background:var(--bar); border:0; }
.track .bar.leak { background:var(--bad); }
.track .bar.unwatched { opacity:.35; }
.track .mark { position:absolute; top:0; width:2px; height:18px; pointer-events:none; }
.mark.disp { background:var(--ok); }
.mark.coll { background:var(--muted); }
.mark.viol { background:var(--bad); width:4px; }
aside#drill { width:min(26rem,100vw); border-left:1px solid var(--line); background:var(--panel); padding:.75rem 1rem; overflow:auto; max-height:100vh; position:sticky; top:0; }
aside#drill[hidden] { display:none; }
aside#drill h2 { margin-top:0; word-break:break-all; }
aside#drill dl { display:grid; grid-template-columns:auto 1fr; gap:.2rem .6rem; margin:0; }
aside#drill dt { color:var(--muted); }
aside#drill dd { margin:0; word-break:break-all; }
aside#drill ul { padding-left:1.1rem; margin:.25rem 0; }
aside#drill li { margin:.3rem 0; word-break:break-all; }
.loc { font-family:ui-monospace,Consolas,monospace; font-size:.8rem; }
.link { border:0; background:none; color:var(--accent); text-decoration:underline; padding:0; }
.legend { color:var(--muted); font-size:.8rem; margin:.25rem 0; }
@media (max-width: 900px) {
  #layout { grid-template-columns:1fr; }
  aside#drill { position:fixed; right:0; top:0; bottom:0; box-shadow:0 0 1rem rgba(0,0,0,.3); z-index:5; }
  .lt-row { grid-template-columns:8rem minmax(0,1fr); }
}

""";
}
