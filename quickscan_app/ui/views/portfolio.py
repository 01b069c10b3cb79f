from quickscan_app.ui.screens.portfolio import render

render()
