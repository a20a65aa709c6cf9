// The library's namespaces and the test helpers, which nearly every test file uses.
global using LotteryTickets.Data;
global using LotteryTickets.Design;
global using LotteryTickets.Experiments;
global using LotteryTickets.Hardware;
global using LotteryTickets.Interactive;
global using LotteryTickets.Interactive.Curriculum;
global using LotteryTickets.Lottery;
global using LotteryTickets.Models;
global using LotteryTickets.Pruning;
global using LotteryTickets.Sparse;
global using LotteryTickets.Tests.Support;
global using LotteryTickets.Training;
