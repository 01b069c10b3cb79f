from quickscan_app.ui.screens.bidders_compare import render

render()
