using MnistCourse.Reporting;

namespace MnistCourse.Tests.Reporting;

/// <summary>
/// The TOST of `./course reproduce --with-reference` against worked examples computed here with scipy 1.10: Welch's se and
/// df by hand, p = scipy.stats.t.sf((d + m)/se, df) and t.cdf((d − m)/se, df), cross-checked with
/// scipy.stats.ttest_ind(a ± m, b, equal_var=False, alternative="greater"/"less"); the 90% CI with t.ppf(0.95, df).
/// </summary>
public class EquivalenceTestTests
{
    // LeNet-5 tanh, seeds 0–4 (README, 2026-11-23): the course, and the PyTorch reference on the same CPU.
    private static readonly double[] CourseTanh = [0.9849, 0.9871, 0.9880, 0.9871, 0.9868];
    private static readonly double[] ReferenceTanh = [0.9844, 0.9849, 0.9898, 0.9884, 0.9855];

    [Fact]
    public void Five_seeds_of_lenet_tanh_are_not_shown_equivalent_and_say_how_many_would_do()
    {
        var e = EquivalenceTest.Of(CourseTanh, ReferenceTanh);
        Assert.Equal(0.00017999999999995797, e.Difference, 1e-12);
        Assert.Equal(0.0011757550765359153, e.StandardError, 1e-12);
        Assert.Equal(5.769272890328118, e.DegreesOfFreedom, 1e-9);
        Assert.Equal(0.10243683846218687, e.PLower, 1e-9);
        Assert.Equal(0.15305470123506743, e.PUpper, 1e-9);
        Assert.Equal(-0.002121172343081713, e.Low90, 1e-10);
        Assert.Equal(0.002481172343081629, e.High90, 1e-10);
        Assert.Equal(Equivalence.NotShown, e.Outcome);
        Assert.Equal(13, e.SeedsNeeded); // the smallest n a side with |d| + t(0.95, df(n))·se(n) < 0.0015, same loop in scipy
        Assert.StartsWith("not shown equivalent (more seeds needed: 13 a side at these means and SDs)", e.Text);
    }

    [Fact]
    public void Tight_seeds_with_close_means_are_equivalent()
    {
        var e = EquivalenceTest.Of([0.9911, 0.9914, 0.9916, 0.9913, 0.9915, 0.9912], [0.9914, 0.9920, 0.9912, 0.9916, 0.9915]);
        Assert.Equal(6.5181018451357025, e.DegreesOfFreedom, 1e-9);
        Assert.Equal(4.4332462989123136e-05, e.PLower, 1e-11);
        Assert.Equal(9.272900802009657e-06, e.PUpper, 1e-11);
        Assert.Equal(Equivalence.Equivalent, e.Outcome);
        Assert.Null(e.SeedsNeeded);
        Assert.StartsWith("equivalent to a Keras-faithful port: the course's mean is −0.0002 from the reference's (90% CI −0.0005 to +0.0001", e.Text);
    }

    [Fact]
    public void Means_three_tenths_apart_with_tight_seeds_are_different()
    {
        var e = EquivalenceTest.Of([0.9900, 0.9902, 0.9898, 0.9901, 0.9899], [0.9930, 0.9932, 0.9929, 0.9931, 0.9928]);
        Assert.Equal(0.9999998073283853, e.PLower, 1e-9);
        Assert.Equal(3.283395890228993e-11, e.PUpper, 1e-13);
        Assert.Equal(-0.0031859548037523775, e.Low90, 1e-10);
        Assert.Equal(Equivalence.Different, e.Outcome);
        Assert.StartsWith("different: the course's mean is −0.0030 from the reference's", e.Text);
    }

    [Fact]
    public void A_difference_beyond_the_margin_that_is_not_shown_different_says_more_seeds_would_not_do()
    {
        var e = EquivalenceTest.Of([0.9800, 0.9840, 0.9780, 0.9830], [0.9780, 0.9800, 0.9760, 0.9790]);
        Assert.Equal(Equivalence.NotShown, e.Outcome);
        Assert.Null(e.SeedsNeeded);
        Assert.Contains("more would not do", e.Text);
    }

    [Fact]
    public void One_seed_a_side_is_refused_with_the_fix() =>
        Assert.Contains("run more seeds", Assert.Throws<ArgumentException>(() => EquivalenceTest.Of([0.99], [0.99, 0.98])).Message);
}
