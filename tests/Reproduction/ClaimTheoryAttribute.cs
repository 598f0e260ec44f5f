using Xunit.Abstractions;
using Xunit.Sdk;

namespace LaVae.Tests.Reproduction;

/// <summary>
/// A theory whose every data row becomes its own test case carrying the traits "Experiment" (the
/// first argument) and "Claim" (the second), so <c>dotnet test --filter Experiment=table1-flips</c>
/// or <c>--filter Claim=total-ordering</c> selects cases declared in YAML, with no C# per claim.
/// </summary>
[XunitTestCaseDiscoverer("LaVae.Tests.Reproduction.ClaimTheoryDiscoverer", "LaVae.Tests.Reproduction")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClaimTheoryAttribute : TheoryAttribute;

public sealed class ClaimTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
    [
        new ClaimTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow),
    ];
}

/// <summary>A test case whose traits come from its arguments; recomputed after deserialisation too.</summary>
public sealed class ClaimTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ClaimTestCase()
    {
    }

    public ClaimTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[] arguments)
        : base(sink, display, options, method, arguments)
    {
    }

    // The sink that reaches `dotnet test`'s console, for the training progress of the run this case needs.
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        ReproductionRuns.Diagnostics = diagnosticMessageSink;
        return base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource);
    }

    // A claim of another profile is listed, skipped with the profile that judges it.
    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethodArguments is [string experiment, string claim, ..] ? ClaimTests.SkipReason(experiment, claim) : base.GetSkipReason(factAttribute);

    protected override void Initialize()
    {
        base.Initialize();
        if (TestMethodArguments is [string experiment, string claim, ..])
        {
            Traits["Experiment"] = [experiment];
            Traits["Claim"] = [claim];
        }
    }
}
