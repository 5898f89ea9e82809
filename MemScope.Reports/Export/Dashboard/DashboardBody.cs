using MemScopeTrace.Model;
namespace MemScopeReports.Export.Dashboard;

/// <summary>The static skeleton of the page; the script fills it from the data block with textContent only.</summary>
internal static class DashboardBody
{
    public const string Text = """
<header>
<h1 id="title">MemScope dashboard</h1>
<span class="meta" id="meta"></span>
<button type="button" id="theme" aria-pressed="false">Dark theme</button>
</header>
<div id="layout">
<main>
<section id="timeline-panel" aria-label="Memory timeline">
<div id="timeline-bar">
<span class="key"><span class="sw" style="background:var(--live)"></span>tracked live bytes</span>
<span class="key"><span class="sw" style="background:var(--heap)"></span>GC heap</span>
<span class="key"><span class="sw" style="background:var(--frag)"></span>fragmentation</span>
<span id="range" aria-live="polite"></span>
<button type="button" id="zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="zoom-out" aria-label="Zoom out">&minus;</button>
<button type="button" id="zoom-reset">Reset range</button>
<button type="button" id="select-mode" aria-pressed="false" title="Drag on the timeline to select a range (Shift+drag always selects)">Select range</button>
<label class="flt">from <input type="number" id="range-from" min="0" step="any" aria-label="Range start (ms)"></label>
<label class="flt">to <input type="number" id="range-to" min="0" step="any" aria-label="Range end (ms)"></label>
</div>
<canvas id="timeline" tabindex="0" role="img" aria-label="Memory timeline: mouse wheel or + and - zoom, drag or arrow keys pan, Shift+drag or Shift+arrow keys select a range; the selected range filters every view"></canvas>
</section>
<nav role="tablist" id="tabs" aria-label="Views"></nav>
<div id="views"></div>
</main>
<aside id="drill" hidden aria-label="Object details" tabindex="-1"></aside>
</div>

""";
}
